using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.PluginHost;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Agreements;

public static class AgreementMutations
{
    public static void AddAgreementMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<SignAgreementInput, AgreementType, Agreement>("signAgreement",
            "Signs the current agreement for a member district. When the last member signs, a proposed partnership becomes ACTIVE.",
            SignAsync);
        mutation.Mutation<AmendAgreementInput, AgreementType, Agreement>("amendAgreement",
            "Makes a new version of a partnership's agreement with changed terms (its lead district or an admin). Every member signs it again; "
            + "the version in force stays in force until the last member signs, then the new one supersedes it.", AmendAsync);
        mutation.Mutation<RenewAgreementInput, AgreementType, Agreement>("renewAgreement",
            "Makes a new version of a partnership's agreement with the same terms for a new term (its lead district or an admin). Every member signs it again.", RenewAsync);
    }

    private static async Task<Agreement?> AmendAsync(MutationContext<AmendAgreementInput> m)
    {
        var input = m.Input;
        var title = input.Title is null ? null : m.Text(input.Title, "title", 200);
        var terms = m.Text(input.Terms, "terms", 20000);
        var summary = m.Text(input.ChangeSummary, "changeSummary", 2000);
        var (partnership, current) = await CurrentAsync(m, input.PartnershipId, input.ExpectedRevision);
        if (partnership is null || current is null || terms is null || summary is null || m.Failed) return null;
        if (terms == current.Terms && (title ?? current.Title) == current.Title)
            m.Invalid("UNCHANGED", "The terms and title are those of the current version; an amendment changes them (a new term is `renewAgreement`).", "terms");
        var expiresOn = input.ExpiresOn ?? current.ExpiresOn;
        if (input.ExpiresOn is { } expires && expires <= m.Today)
            m.Invalid("INVALID_RANGE", "`expiresOn` must be in the future.", "expiresOn");
        if (m.Failed) return null;
        return await NewVersionAsync(m, partnership, current, title ?? current.Title, terms, summary, expiresOn, renewal: false);
    }

    private static async Task<Agreement?> RenewAsync(MutationContext<RenewAgreementInput> m)
    {
        var input = m.Input;
        var summary = m.Text(input.ChangeSummary, "changeSummary", 2000, required: false);
        var (partnership, current) = await CurrentAsync(m, input.PartnershipId, input.ExpectedRevision);
        if (partnership is null || current is null || m.Failed) return null;
        if (input.ExpiresOn <= m.Today)
            m.Invalid("INVALID_RANGE", "`expiresOn` must be in the future.", "expiresOn");
        else if (current.ExpiresOn is { } expires && input.ExpiresOn <= expires)
            m.Invalid("INVALID_RANGE", $"A renewal's term ends after the current one ({expires:yyyy-MM-dd}).", "expiresOn");
        if (m.Failed) return null;
        return await NewVersionAsync(m, partnership, current, current.Title, current.Terms,
            summary ?? $"Renewed for a term ending {input.ExpiresOn:yyyy-MM-dd}.", input.ExpiresOn, renewal: true);
    }

    /// <summary>The partnership (the caller acting for its lead) and its current agreement version, tracked.</summary>
    private static async Task<(Partnership?, Agreement?)> CurrentAsync<TInput>(MutationContext<TInput> m, string partnershipId, int? expectedRevision)
    {
        var partnership = await m.AsLeadAsync(partnershipId, "partnershipId");
        if (partnership is null) return (null, null);
        m.RequireOpen(partnership, "partnershipId", "its agreement no longer changes");
        var current = await m.Db.Agreements.Where(a => a.PartnershipId == partnership.Id).OrderByDescending(a => a.Version).FirstAsync(m.Field.CancellationToken);
        m.Revise(current, expectedRevision);
        return (partnership, current);
    }

    private static async Task<Agreement?> NewVersionAsync<TInput>(MutationContext<TInput> m, Partnership partnership, Agreement current,
        string title, string terms, string summary, DateOnly? expiresOn, bool renewal)
    {
        Task<Plugins.PartnershipView>? view = null;
        // Every member signs the new version, so every member's plugins have a say in it.
        foreach (var member in partnership.CurrentMembers(m.Today))
            await m.CheckLocalRulesAsync(member.District.Code, async _ => new Plugins.ProposedAgreementVersion
            {
                DistrictCode = member.District.Code, Partnership = await (view ??= m.PartnershipViewAsync(partnership.Id)),
                Version = current.Version + 1, Title = title, Terms = terms, ChangeSummary = summary, ExpiresOn = expiresOn, IsRenewal = renewal,
            });
        if (m.Failed) return null;

        // A version nobody finished signing is replaced, never put in force.
        if (current.Status == AgreementStatus.Pending) current.Status = AgreementStatus.Superseded;
        var next = new Agreement
        {
            PartnershipId = partnership.Id, Version = current.Version + 1, Title = title, Terms = terms, ChangeSummary = summary,
            ExpiresOn = expiresOn, Status = AgreementStatus.Pending,
        };
        m.Db.Agreements.Add(next);
        m.Revise(partnership, null);
        return next;
    }

    private static async Task<Agreement?> SignAsync(MutationContext<SignAgreementInput> m)
    {
        var input = m.Input;
        var agreement = await m.Find<Agreement>(input.AgreementId, "Agreement", "agreementId", q => q.Include(a => a.Partnership).ThenInclude(p => p.Members));
        var district = await m.Find<District>(input.DistrictId, "District", "districtId");
        var signedBy = m.Text(input.SignedBy, "signedBy", 200);
        if (agreement is null || district is null || signedBy is null) return null;
        if (!m.ActingFor(district.Id, district.Name, "districtId")) return null;

        var partnership = agreement.Partnership;
        m.RequireOpen(partnership, "agreementId", "its agreement can no longer be signed");
        if (await m.Db.Agreements.AnyAsync(a => a.PartnershipId == agreement.PartnershipId && a.Version > agreement.Version, m.Field.CancellationToken))
            m.Violates("AGREEMENT_SUPERSEDED", $"Version {agreement.Version} is not the current agreement; sign the latest version.", "agreementId");
        m.RequireMember(partnership, district, "sign its agreement", "SIGNER_MUST_BE_MEMBER");
        var signed = await m.Db.Signatures.Where(s => s.AgreementId == agreement.Id).Select(s => s.DistrictId).ToListAsync(m.Field.CancellationToken);
        if (signed.Contains(district.Id))
            m.Violates("ALREADY_SIGNED", $"{district.Name} has already signed this agreement.", "districtId");
        await m.CheckLocalRulesAsync(district.Code, async _ => new Plugins.ProposedSignature
        {
            DistrictCode = district.Code, Partnership = await m.PartnershipViewAsync(partnership.Id),
            AgreementVersion = agreement.Version, AgreementTitle = agreement.Title, SignedBy = signedBy,
        });
        if (m.Failed) return null;

        agreement.Signatures.Add(new Signature { DistrictId = district.Id, SignedBy = signedBy, SignedAt = m.Now });
        m.Revise(agreement, input.ExpectedRevision);

        signed.Add(district.Id);
        await m.PutInForceWhenSignedAsync(partnership, agreement, signed, m.Today);
        return agreement;
    }

    /// <summary>
    /// When every member on <paramref name="asOf"/> has signed the current version, it is in force and supersedes the one
    /// before, and a proposed partnership becomes ACTIVE (the consortium's rule). A signature, or a member leaving, can complete it.
    /// </summary>
    public static async Task PutInForceWhenSignedAsync<TInput>(this MutationContext<TInput> m, Partnership partnership, Agreement current, IReadOnlyCollection<int> signed, DateOnly asOf)
    {
        if (current.Status != AgreementStatus.Pending || !partnership.CurrentMembers(asOf).All(member => signed.Contains(member.DistrictId))) return;
        var inForce = await m.Db.Agreements.Where(a => a.PartnershipId == partnership.Id && a.Status == AgreementStatus.InForce).ToListAsync(m.Field.CancellationToken);
        foreach (var older in inForce)
        {
            older.Status = AgreementStatus.Superseded;
            older.Revise();
        }
        current.Status = AgreementStatus.InForce;
        current.EffectiveOn ??= m.Today;
        if (partnership.Status == PartnershipStatus.Proposed) partnership.Status = PartnershipStatus.Active;
        // One revision per change: the signature or the notice revised what it touched already.
        foreach (var changed in new RevisedEntity[] { current, partnership })
            if (m.Db.Entry(changed).Property(e => e.Revision).IsModified is false) changed.Revise();
    }
}
