using GraphQL;
using ConsortiumGraph.Access;
using System.ComponentModel;
using ConsortiumGraph.Agreements;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Grants;
using ConsortiumGraph.Graph;
using ConsortiumGraph.LocalFields;
using ConsortiumGraph.Reporting;
using GraphQL.Types;

namespace ConsortiumGraph.Partnerships;

public sealed class PartnershipType : NodeType<Partnership>
{
    private static readonly RowsByKey<Grant> Grants = new("GrantsByPartnershipId", g => g.PartnershipId, q => q.OrderBy(g => g.StartsOn));
    private static readonly RowsByKey<Agreement> AgreementVersions = new("AgreementsByPartnershipId", a => a.PartnershipId, q => q.OrderByDescending(a => a.Version));
    private static readonly RowsByKey<DecisionRight> DecisionRights = new("DecisionRightsByPartnershipId", r => r.PartnershipId, q => q.OrderBy(r => r.Area));
    private static readonly RowsThroughLink<PartnershipMember, District> FiscalAgents = new("FiscalAgentByPartnershipId", m => m.PartnershipId, m => m.District, m => m.IsFiscalAgent);
    private static readonly RowsByKey<Purchasing.PurchasingRound> PurchasingRounds = new("PurchasingRoundsByPartnershipId", r => r.PartnershipId,
        q => q.OrderByDescending(r => r.QuotesDueOn).ThenBy(r => r.Id));
    private static readonly RowsByKey<CostSharing.SharedPosition> SharedPositions = new("SharedPositionsByPartnershipId", x => x.PartnershipId, q => q.OrderBy(x => x.Id));
    private static readonly RowsByKey<CostSharing.CourseEnrollment> Enrollments = new("EnrollmentsByPartnershipId", x => x.PartnershipId,
        q => q.OrderBy(x => x.Term).ThenBy(x => x.DistrictId));
    public static readonly RowsByKey<PartnershipMember> Members = new("MembersByPartnershipId", m => m.PartnershipId, MemberOrder);

    /// <summary>Members in the order they joined; every reader of the shared MembersByPartnershipId loader uses it.</summary>
    public static IQueryable<PartnershipMember> MemberOrder(IQueryable<PartnershipMember> members) => members.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id);

    public PartnershipType() : base("One collaborative project inside a consortium: small units that build trust, not the whole consortium.")
    {
        // The public directory names partnerships; everything else about them is for members.
        Field(p => p.Name).Description("The partnership's name, unique within its consortium.").AuthorizeWithRoles(Readers.Directory);
        Field(p => p.Kind).Description("What kind of collaboration this is.").AuthorizeWithRoles(Readers.Directory);
        Field(p => p.Status).Description("Where the partnership is in its lifecycle.").AuthorizeWithRoles(Readers.Directory);
        Field(p => p.SharedGoal, nullable: true).Description("The goal the members share in this partnership.");
        Field(p => p.StartsOn, type: typeof(DateType)).Description("First day of the work.");
        Field(p => p.EndsOn, type: typeof(DateType)).Description("Last day of the work.");
        Field(p => p.ClosedOn, type: typeof(DateType)).Description("The day a COMPLETED or DISSOLVED partnership ended; null while it is open.");
        Field(p => p.ClosingReason, nullable: true).Description("Why it was dissolved, or the closing note of its completion.");
        Field(p => p.Revision).Description("Changes with every update; send it back as `expectedRevision` to refuse to overwrite a change you have not seen.");
        Field<NonNullGraphType<ConsortiumType>>("consortium").Description("The consortium the partnership belongs to.")
            .Resolve(c => c.ById<Consortium>(c.Source.ConsortiumId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnershipMemberType>>>>("members")
            .Description("The member districts and their roles, in the order they joined.")
            .Resolve(c => Members.Load(c, c.Source.Id));
        Field<DistrictType>("fiscalAgent").Description("The member that receives and accounts for grant funds; null when there is none.")
            .Resolve(c => FiscalAgents.Load(c, c.Source.Id).Then(agents => agents.FirstOrDefault()));
        Field<AgreementType>("agreement").Description("The current (highest) version of the partnership's memorandum of understanding: the one members sign.")
            .Resolve(c => c.CurrentAgreementOf(c.Source.Id));
        Field<AgreementType>("agreementInForce").Description("The version every member signed, which the partnership works under (EXPIRED past its term); null before the first is signed by all.")
            .Resolve(c => AgreementVersions.Load(c, c.Source.Id).Then(versions => versions.FirstOrDefault(a => a.Status == AgreementStatus.InForce)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgreementType>>>>("agreements").Description("Every version of the agreement, newest first.")
            .Resolve(c => AgreementVersions.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DecisionRightType>>>>("decisionRights")
            .Description("Who decides in each area, and by which rule.")
            .Resolve(c => DecisionRights.Load(c, c.Source.Id));
        this.Connection<Partnership, DecisionType, Decision>("decisions", "Decisions put to the members, latest deadline first.")
            .Filter<DecisionFilter>().DefaultOrder(d => d.Deadline, descending: true)
            .FromChildren(p => p.Decisions);
        this.Connection<Partnership, CommitmentType, Commitment>("commitments", "What each member committed to, by due date.")
            .Filter<CommitmentFilter>().Order<CommitmentOrder>().DefaultOrder(c => c.DueOn)
            .FromChildren(p => p.Commitments);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantType>>>>("grants").Description("Grants that fund the partnership.")
            .Resolve(c => Grants.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Purchasing.PurchasingRoundType>>>>("purchasingRounds")
            .Description("Joint purchases put out for quotes, latest due first, with their awards.")
            .Resolve(c => PurchasingRounds.Load(c, c.Source.Id));
        this.Connection<Partnership, Purchasing.PurchaseLineType, Purchasing.PurchaseLine>("purchases",
                "What members bought through the partnership, earliest first. District staff see their own district's; the totals are in `impact`.")
            .DefaultOrder(p => p.PurchasedOn)
            .FromChildren(p => p.Purchases);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CostSharing.SharedPositionType>>>>("sharedPositions")
            .Description("The positions the partnership shares and how their cost is split.")
            .AuthorizeWithRoles(Readers.Staff)
            .Resolve(c => SharedPositions.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CostSharing.CourseEnrollmentType>>>>("courseEnrollments")
            .Description("A shared course's students per member and term, by term. District staff see their own district's (the host district's staff, all).")
            .AuthorizeWithRoles(Readers.Staff)
            .Resolve(c => Enrollments.Load(c, c.Source.Id));
        this.Connection<Partnership, CostSharing.InterDistrictInvoiceType, CostSharing.InterDistrictInvoice>("invoices",
                "What members owe each other for the partnership's shared staff and courses, latest first. District staff see the invoices their district owes or is owed.")
            .AuthorizeWithRoles(Readers.Staff)
            .DefaultOrder(i => i.IssuedOn, descending: true)
            .FromChildren(p => p.Invoices);
        CostSharing.MemberDelivery.AddTo(this);
        Field<NonNullGraphType<Reporting.ImpactType>>("impact").Description("What the partnership delivered over a period (all time when `from` and `to` are omitted).")
            .ImpactArguments()
            .Resolve(c => c.ImpactOf(c.Source.Id, c.GetArgument<DateOnly?>("from"), c.GetArgument<DateOnly?>("to")));
        LocalFieldsType.AddTo(this);
    }
}

public sealed class PartnershipMemberType : ObjectType<PartnershipMember>
{
    public PartnershipMemberType()
    {
        Description = "A district's place in a partnership.";
        this.AuthorizeWithRoles(Readers.Members);
        Field<NonNullGraphType<DistrictType>>("district").Description("The member district.").Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field("role", m => m.PrincipalRole).Description("The district's most significant role (LEAD, then FISCAL_AGENT, else MEMBER).")
            .DeprecationReason("A member can hold several roles: use `roles`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<MemberRole>>>>>("roles")
            .Description("Every role the district holds, most significant first; every member holds MEMBER, and one can be both LEAD and FISCAL_AGENT.")
            .Resolve(c => c.Source.Roles);
        Field(m => m.JoinedOn, type: typeof(NonNullGraphType<DateType>)).Description("When the district joined.");
        Field(m => m.LeftOn, type: typeof(DateType)).Description("The day the district stops (or stopped) being a member, once it gave notice with `leavePartnership`; null while it stays.");
    }
}

public sealed class DecisionRightType : ObjectType<DecisionRight>
{
    public DecisionRightType()
    {
        Description = "Who decides in one area of a partnership (budget, staffing, curriculum, data sharing...).";
        this.AuthorizeWithRoles(Readers.Members);
        Field(r => r.Area).Description("The area, e.g. budget.");
        Field(r => r.Rule).Description("How decisions in the area are taken.");
    }
}

[Description("What partnerships can be ordered by.")]
public enum PartnershipOrderField
{
    [Description("The partnership's name.")] Name,
    [Description("First day of the work; partnerships without one come last.")] StartsOn,
    [Description("Lifecycle order: PROPOSED, ACTIVE, COMPLETED, DISSOLVED.")] Status,
}

public sealed class PartnershipFilter : FilterInputType<Partnership>
{
    public PartnershipFilter() : base("PartnershipFilter", "Conditions on partnerships; a partnership must meet all that are given.")
    {
        AnyOf("kind", p => p.Kind, "Of any of these kinds.");
        AnyOf("status", p => p.Status, "In any of these statuses.");
    }
}

public sealed class PartnershipOrder : OrderInputType<Partnership, PartnershipOrderField>
{
    public PartnershipOrder() : base("PartnershipOrder", "A sort key for partnerships.")
    {
        By(PartnershipOrderField.Name, p => p.Name);
        By(PartnershipOrderField.StartsOn, p => p.StartsOn);
        By(PartnershipOrderField.Status, p => p.Status);
    }
}
