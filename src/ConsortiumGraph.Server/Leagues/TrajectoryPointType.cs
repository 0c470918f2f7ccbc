using GraphQL;
using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class TrajectoryPointType : ObjectType<TrajectoryPoint>
{
    public TrajectoryPointType()
    {
        Name = "TrajectoryPoint";
        Description = "One rating in a school's trajectory, with the League's median that school year.";
        this.AuthorizeWithRoles(Readers.League);
        Field(p => p.AssessedOn, type: typeof(NonNullGraphType<DateType>)).Description("The day of the assessment.");
        Field(p => p.SchoolYear).Description("Its school year (\"2024-25\").");
        Field(p => p.Rating).Description("The school's rating.");
        Field(p => p.LeagueMedian).Description("The League's median rating on the dimension that school year.");
    }
}
