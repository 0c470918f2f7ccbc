using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class DimensionRatingType : NodeType<DimensionRating>
{
    public DimensionRatingType() : base("A school's rating of itself on one dimension, with its evidence.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<FrameworkDimensionType>>("dimension").Description("The dimension rated.").Resolve(c => c.ById<FrameworkDimension>(c.Source.DimensionId));
        Field(r => r.Rating).Description("The level on the framework's scale, from 1 (its lowest).");
        Field(r => r.Evidence, nullable: true).Description("What shows it.");
    }
}
