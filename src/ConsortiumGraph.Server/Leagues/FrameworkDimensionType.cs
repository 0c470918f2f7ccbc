using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class FrameworkDimensionType : NodeType<FrameworkDimension>
{
    public FrameworkDimensionType() : base("A dimension of a framework: a practice schools rate themselves on, described at every level of the scale.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field(d => d.Key).Description("Its key, the same in every framework version that has the dimension.");
        Field(d => d.Name).Description("Its name.");
        Field(d => d.Description, nullable: true).Description("What the practice is.");
        Field(d => d.Position).Description("Its order in the framework, from 1.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("descriptors").Description("What the practice looks like at each level of the scale, lowest first.")
            .WithComplexityImpact(1, LeagueMutations.MaxLevels)
            .Resolve(c => c.Source.Descriptors);
    }
}
