using ConsortiumGraph.Graph;
using GraphQL;
using ConsortiumGraph.Access;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class DimensionDistributionType : ObjectType<DimensionDistribution>
{
    public DimensionDistributionType()
    {
        Name = "DimensionDistribution";
        Description = "The spread of a League's ratings on one dimension in one school year: each school once, with its latest assessment that year.";
        this.AuthorizeWithRoles(Readers.League);
        Field(d => d.Dimension).Description("The dimension's key.");
        Field(d => d.SchoolYear).Description("The school year, July to June (\"2024-25\").");
        Field(d => d.Schools).Description("How many schools rated the dimension that year.");
        Field(d => d.Minimum).Description("The lowest rating.");
        Field(d => d.LowerQuartile).Description("The first quartile (linear interpolation, as QUARTILE.INC).");
        Field(d => d.Median).Description("The median rating.");
        Field(d => d.UpperQuartile).Description("The third quartile.");
        Field(d => d.Maximum).Description("The highest rating.");
    }
}
