using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.PluginHost;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Agreements;

public sealed class AgreementType : NodeType<Agreement>
{
    private static readonly RowsByKey<Signature> Signatures = new("SignaturesByAgreementId", s => s.AgreementId, q => q.OrderBy(s => s.SignedAt).ThenBy(s => s.Id));

    public AgreementType() : base("A version of a partnership's memorandum of understanding: the activities each member will perform.")
    {
        Field<NonNullGraphType<PartnershipType>>("partnership").Description("The partnership the agreement governs.")
            .Resolve(c => c.ById<Partnership>(c.Source.PartnershipId));
        Field(a => a.Version).Description("1 for the first agreement; each revision of the terms is a new version that members sign again.");
        Field(a => a.Title).Description("The agreement's title.");
        Field(a => a.Terms).Description("The agreed activities, resources and responsibilities.");
        Field(a => a.EffectiveOn, type: typeof(DateType)).Description("The day the agreement took effect: when the last member signed.");
        Field(a => a.ExpiresOn, type: typeof(DateType)).Description("The last day of its term; null when it has none. Past it, an agreement in force is EXPIRED until renewed.");
        Field<NonNullGraphType<EnumerationGraphType<AgreementStatus>>>("status")
            .Description("PENDING while members sign, IN_FORCE once all have, SUPERSEDED by a newer version, EXPIRED past its term.")
            .Resolve(c => c.Source.StatusOn(c.RequestServices!.GetRequiredService<TimeProvider>().Today()));
        Field(a => a.ChangeSummary, nullable: true).Description("What this version changed and why (an amendment or a renewal); null for a first version.");
        Field(a => a.Revision).Description("Changes with every signature and status change; send it back as `expectedRevision` to refuse to act on a version you have not seen.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SignatureType>>>>("signatures").Description("Members' signatures, in the order they signed.")
            .Resolve(c => Signatures.Load(c, c.Source.Id));
        Field<NonNullGraphType<BooleanGraphType>>("fullySigned").Description("Every current member of the partnership has signed this version.")
            // From the lists the page usually shows anyway (members, signatures): no statement of its own then.
            .Resolve(c =>
            {
                var today = c.RequestServices!.GetRequiredService<TimeProvider>().Today();
                return PartnershipType.Members.Load(c, c.Source.PartnershipId).With(Signatures.Load(c, c.Source.Id),
                    (members, signatures) => members.Where(m => m.IsCurrentOn(today)).All(m => signatures.Any(s => s.DistrictId == m.DistrictId)));
            });
    }
}

public sealed class SignatureType : ObjectType<Signature>
{
    public SignatureType()
    {
        Description = "A member district's signature on an agreement.";
        this.AuthorizeWithRoles(Readers.Members);
        Field<NonNullGraphType<DistrictType>>("district").Description("The signing district.").Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field(s => s.SignedBy).Description("The person who signed for the district (a staff name: not shown to funders).").AuthorizeWithRoles(Readers.Staff);
        Field(s => s.SignedAt).Description("When the district signed.");
    }
}

public static class AgreementLoaders
{
    /// <summary>CurrentAgreementByPartnershipId: the highest version per partnership, in one statement.</summary>
    public static IDataLoaderResult<Agreement?> CurrentAgreementOf(this IResolveFieldContext context, int partnershipId)
    {
        var loaders = context.Loaders();
        return loaders.For<int, Agreement?>("CurrentAgreementByPartnershipId", (ids, ct) => loaders.ReadAsync<IReadOnlyDictionary<int, Agreement?>>(async db =>
                await db.Agreements.AsNoTracking()
                    .Where(EntityLoaders.KeyIn<Agreement>(a => a.PartnershipId, ids))
                    .Where(a => !db.Agreements.Any(newer => newer.PartnershipId == a.PartnershipId && newer.Version > a.Version))
                    .ToDictionaryAsync(a => a.PartnershipId, a => (Agreement?)a, ct), ct), missing: null)
            .Load(partnershipId);
    }
}
