using ConsortiumGraph.Access;
using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class PeerVisitType : NodeType<PeerVisit>
{
    /// <summary>The most educators on one visiting team.</summary>
    public const int MaxVisitors = 20;

    private static readonly RowsThroughLink<PeerVisitor, Educator> Visitors = new("VisitorsByVisitId", v => v.VisitId, v => v.Educator);
    private static readonly RowsByKey<ImprovementCommitment> FollowUps = new("FollowUpsByVisitId", x => x.VisitId ?? 0, q => q.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id));
    private static readonly RowsByKey<VisitFeedback> Feedback = new("FeedbackByVisitId", f => f.VisitId, q => q.OrderBy(f => f.GivenAt).ThenBy(f => f.Id));

    public PeerVisitType() : base("A peer school visit: a member school hosts educators of other member schools around a focus question, and hears their candid feedback.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<LeagueType>>("league").Description("The League.").Resolve(c => c.ById<League>(c.Source.LeagueId));
        Field<NonNullGraphType<LeagueMembershipType>>("host").Description("The host school's League membership.").Resolve(c => c.ById<LeagueMembership>(c.Source.HostMembershipId));
        Field(v => v.VisitOn, type: typeof(NonNullGraphType<DateType>)).Description("The day of the visit.");
        Field(v => v.FocusQuestion).Description("The host's question, which the visitors look at the school through.");
        Field<NonNullGraphType<EnumerationGraphType<PeerVisitStatus>>>("status").Description("SCHEDULED, HELD (its day has come) or CANCELLED.")
            .Resolve(c => c.Source.StatusOn(c.RequestServices!.GetRequiredService<TimeProvider>().Today()));
        Field(v => v.CancelledOn, type: typeof(DateType)).Description("The day it was called off.");
        Field(v => v.CancelReason, nullable: true).Description("Why it was called off.");
        Field(v => v.ScheduledAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When it was booked.");
        Field(v => v.Revision).Description("Changes when the visit is cancelled; send it back as `expectedRevision`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EducatorType>>>>("visitors").Description("The visiting team, in the order booked.")
            .WithComplexityImpact(1, MaxVisitors)
            .Resolve(c => Visitors.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VisitFeedbackType>>>>("feedback").Description("The visitors' feedback, in the order given.")
            .WithComplexityImpact(1, MaxVisitors)
            .Resolve(c => Feedback.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImprovementCommitmentType>>>>("followUps").Description("What the host committed to in answer to the feedback, with its progress.")
            .WithComplexityImpact(1, Bounded.Dimensions)
            .Resolve(c => FollowUps.Load(c, c.Source.Id));
    }
}
