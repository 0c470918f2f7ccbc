using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Decisions;

public sealed class DecisionType : NodeType<Decision>
{
    private static readonly RowsByKey<Vote> Votes = new("VotesByDecisionId", v => v.DecisionId, q => q.OrderBy(v => v.CastAt).ThenBy(v => v.Id));
    private static readonly RowsByKey<ProposedDecisionRight> ProposedRights = new("ProposedDecisionRightsByDecisionId", r => r.DecisionId, q => q.OrderBy(r => r.Area));

    public DecisionType() : base("A question put to a partnership's members, decided by the rule of its area.")
    {
        Field<NonNullGraphType<PartnershipType>>("partnership").Description("The partnership deciding.")
            .Resolve(c => c.ById<Partnership>(c.Source.PartnershipId));
        Field(d => d.Area).Description("The decision area; its decision right gives the rule.");
        Field(d => d.Title).Description("What is being decided.");
        Field(d => d.Rule).Description("The rule of the area when the decision was proposed.");
        Field<NonNullGraphType<EnumerationGraphType<DecisionStatus>>>("status")
            .Description("OPEN until the outcome is certain (ADOPTED or REJECTED), the deadline passes (EXPIRED), or it is WITHDRAWN.")
            .Resolve(c => DecisionOutcome.Effective(c.Source, c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        Field(d => d.ProposedAt).Description("When the decision was proposed.");
        Field(d => d.Deadline).Description("When voting closes.");
        Field(d => d.ScheduledOn, type: typeof(DateType)).Description("The day the decided activity takes place (a shared professional-learning day, say); null when the decision schedules nothing.");
        Field(d => d.ClosedAt, nullable: true).Description("When the outcome became certain, the deadline passed, or it was withdrawn.");
        Field<DistrictType>("proposedBy").Description("The member district that put the question; null when an admin did.")
            .Resolve(c => c.Source.ProposedByDistrictId is { } id ? c.ById<District>(id) : null);
        Field(d => d.WithdrawalReason, nullable: true).Description("Why it was withdrawn; null unless WITHDRAWN.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposedDecisionRightType>>>>("proposedDecisionRights")
            .Description("For a governance decision: the partnership's decision rights as they become once it is adopted; empty otherwise.")
            .Resolve(c => ProposedRights.Load(c, c.Source.Id));
        Field(d => d.Revision).Description("Changes with every vote; send it back as `expectedRevision` to refuse to vote on a state you have not seen.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VoteType>>>>("votes").Description("Votes cast, in order.")
            .Resolve(c => Votes.Load(c, c.Source.Id));
    }
}

public sealed class ProposedDecisionRightType : ObjectType<ProposedDecisionRight>
{
    public ProposedDecisionRightType()
    {
        Description = "One area's rule in the decision rights a governance decision proposes.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(r => r.Area).Description("The area.");
        Field(r => r.Rule).Description("The rule decisions in the area would follow.");
    }
}

public sealed class VoteType : ObjectType<Vote>
{
    public VoteType()
    {
        Description = "A member district's vote on a decision.";
        this.AuthorizeWithRoles(Readers.Members);
        Field<NonNullGraphType<DistrictType>>("district").Description("The voting district.").Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field(v => v.Choice).Description("The vote.");
        Field(v => v.CastAt).Description("When the vote was cast.");
        Field(v => v.Comment, nullable: true).Description("The district's reason, if it gave one (internal: not shown to funders).").AuthorizeWithRoles(Readers.Staff);
    }
}

public sealed class DecisionFilter : FilterInputType<Decision>
{
    public DecisionFilter() : base("DecisionFilter", "Conditions on decisions.")
    {
        AnyOf("status", d => d.Status, "In any of these statuses (as stored: an OPEN decision past its deadline is stored EXPIRED within a minute).");
    }
}
