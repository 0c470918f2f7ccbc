using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class SelfAssessmentType : NodeType<SelfAssessment>
{
    private static readonly RowsByKey<DimensionRating> Ratings = new("RatingsByAssessmentId", r => r.AssessmentId, q => q.OrderBy(r => r.Dimension.Position));

    public SelfAssessmentType() : base("A member school's ratings of itself on one day, against one version of the League's framework.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<LeagueMembershipType>>("membership").Description("The school's League membership.").Resolve(c => c.ById<LeagueMembership>(c.Source.MembershipId));
        Field<NonNullGraphType<ImprovementFrameworkType>>("framework").Description("The framework version rated against.").Resolve(c => c.ById<ImprovementFramework>(c.Source.FrameworkId));
        Field(a => a.AssessedOn, type: typeof(NonNullGraphType<DateType>)).Description("The day the school assessed itself.");
        Field(a => a.Notes, nullable: true).Description("The school team's notes.");
        Field(a => a.RecordedAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When it was recorded.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DimensionRatingType>>>>("ratings").Description("One rating per dimension rated, in the framework's order.")
            .WithComplexityImpact(1, Bounded.Dimensions)
            .Resolve(c => Ratings.Load(c, c.Source.Id));
    }
}
