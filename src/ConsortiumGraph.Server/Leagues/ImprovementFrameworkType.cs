using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class ImprovementFrameworkType : NodeType<ImprovementFramework>
{
    public static readonly RowsByKey<FrameworkDimension> Dimensions = new("DimensionsByFrameworkId", d => d.FrameworkId, q => q.OrderBy(d => d.Position));

    public ImprovementFrameworkType() : base("A version of a League's framework of school practices: dimensions, each described at every level of one rating scale.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<LeagueType>>("league").Description("The League.").Resolve(c => c.ById<League>(c.Source.LeagueId));
        Field(f => f.Version).Description("The version, from 1; ratings name the version they used.");
        Field(f => f.Name).Description("The framework's name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("levels").Description("The rating scale, lowest first: a rating is a level's position, from 1.")
            .WithComplexityImpact(1, LeagueMutations.MaxLevels)
            .Resolve(c => c.Source.Levels);
        Field(f => f.DefinedAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When this version was defined.");
        Field(f => f.ChangeSummary, nullable: true).Description("What changed from the version before, and why.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FrameworkDimensionType>>>>("dimensions").Description("The dimensions, in order.")
            .WithComplexityImpact(1, Bounded.Dimensions)
            .Resolve(c => Dimensions.Load(c, c.Source.Id));
    }
}
