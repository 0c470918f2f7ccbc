using ConsortiumGraph.Graph;
using GraphQL;
using ConsortiumGraph.Access;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class DimensionTrajectoryType : ObjectType<DimensionTrajectory>
{
    public DimensionTrajectoryType()
    {
        Name = "DimensionTrajectory";
        Description = "A school's ratings on one dimension over time, against its own first rating: its own rate of progress.";
        this.AuthorizeWithRoles(Readers.League);
        Field(t => t.Dimension).Description("The dimension's key.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrajectoryPointType>>>>("points").Description("Every rating, earliest first.").WithComplexityImpact(1, Bounded.Years).Resolve(c => c.Source.Points);
        Field(t => t.Baseline).Description("The school's first rating: what it is compared with first.");
        Field(t => t.Latest).Description("Its latest rating.");
        Field(t => t.Change).Description("Latest minus baseline, in levels.");
        Field(t => t.ChangePerYear, nullable: true).Description("Levels gained per year between the first and latest ratings; null until they are half a year apart.");
    }
}
