using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Reporting;

public sealed class IndicatorTrendType : ObjectType<IndicatorTrend>
{
    public IndicatorTrendType()
    {
        Name = "IndicatorTrend";
        Description = "An indicator over the periods of a grant, aggregated over the partnership's member districts.";
        this.AuthorizeWithRoles(Readers.Funding);
        Field(t => t.Code).Description("The indicator's code.");
        Field(t => t.Name).Description("The indicator's name.");
        Field(t => t.Unit).Description("The unit.");
        Field(t => t.Aggregation).Description("How district values combine.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RollupRowType>>>>("periods").Description("The value per period; suppressed where the group is too small.").Resolve(c => c.Source.Periods);
    }
}
