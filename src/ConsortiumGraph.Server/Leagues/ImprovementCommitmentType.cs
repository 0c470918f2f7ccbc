using ConsortiumGraph.Access;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class ImprovementCommitmentType : NodeType<ImprovementCommitment>
{
    private static readonly RowsByKey<ImprovementProgress> Progress = new("ImprovementProgressByCommitmentId", p => p.CommitmentId, q => q.OrderBy(p => p.ReportedAt).ThenBy(p => p.Id));

    public ImprovementCommitmentType() : base("What a member school commits to improve, on dimensions of the League's framework: from its action plan, or as the follow-up to a peer visit it hosted.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<LeagueMembershipType>>("membership").Description("The committing school's League membership.").Resolve(c => c.ById<LeagueMembership>(c.Source.MembershipId));
        Field(x => x.Title).Description("What the school commits to, in a line.");
        Field(x => x.Description, nullable: true).Description("How, in the school's words.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("dimensions").Description("Keys of the framework dimensions it works on.").Resolve(c => c.Source.Dimensions);
        Field(x => x.DueOn, type: typeof(DateType)).Description("When it is due.");
        Field<NonNullGraphType<EnumerationGraphType<CommitmentStatus>>>("status").Description("How it is going, as its latest progress report says.").Resolve(c => c.Source.Status);
        Field<PeerVisitType>("followUpOf").Description("The peer visit whose feedback it answers; null when it comes from the school's own plan.")
            .Resolve(c => c.Source.VisitId is { } id ? c.ById<PeerVisit>(id) : null);
        Field(x => x.CreatedAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When it was made.");
        Field(x => x.Revision).Description("Changes with every progress report; send it back as `expectedRevision`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImprovementProgressType>>>>("progress").Description("Its progress reports, earliest first.")
            .WithComplexityImpact(1, Bounded.Visits)
            .Resolve(c => Progress.Load(c, c.Source.Id));
    }
}

public sealed class ImprovementProgressType : ObjectType<ImprovementProgress>
{
    public ImprovementProgressType()
    {
        Description = "A dated progress report on a school's improvement commitment.";
        this.AuthorizeWithRoles(Readers.League);
        Field(p => p.ReportedAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When it was reported.");
        Field<NonNullGraphType<EnumerationGraphType<CommitmentStatus>>>("status").Description("The status reported.").Resolve(c => c.Source.Status);
        Field(p => p.PercentComplete, nullable: true).Description("How much is done, 0 to 100.");
        Field(p => p.Note, nullable: true).Description("What happened.");
    }
}
