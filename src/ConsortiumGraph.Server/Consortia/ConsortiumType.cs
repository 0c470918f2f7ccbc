using Microsoft.EntityFrameworkCore;
using ConsortiumGraph.Reporting;
using GraphQL;
using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Indicators;
using ConsortiumGraph.Partnerships;
using GraphQL.Types;

namespace ConsortiumGraph.Consortia;

public sealed class ConsortiumType : NodeType<Consortium>
{
    private static readonly RowsByKey<Indicator> Indicators = new("IndicatorsByConsortiumId", i => i.ConsortiumId, q => q.OrderBy(i => i.Code));

    public ConsortiumType() : base("Districts (and their schools) that share a goal and do together what none can alone.")
    {
        this.AuthorizeWithRoles(Readers.Directory);
        Field(c => c.Name).Description("The consortium's name.");
        Field(c => c.SharedGoal).Description("The goal every member is bought into.");
        this.Connection<Consortium, DistrictType, District>("districts", "The member districts.")
            .Filter<DistrictFilter>().Order<DistrictOrder>().DefaultOrder(d => d.Name)
            .FromChildren(c => c.Memberships.Select(m => m.District));
        this.Connection<Consortium, PartnershipType, Partnership>("partnerships", "The consortium's partnerships.")
            .Filter<PartnershipFilter>().Order<PartnershipOrder>().DefaultOrder(p => p.Name)
            .FromChildren(c => c.Partnerships);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("indicators")
            .Description("The standard indicators members report, by code.")
            .AuthorizeWithRoles(Readers.Members)
            .Resolve(c => Indicators.Load(c, c.Source.Id));
        this.AddRollup();
        Field<NonNullGraphType<ImpactType>>("impact").Description("What the consortium's partnerships delivered together over a period.")
            .ImpactArguments()
            .ResolveAsync(async c =>
            {
                var from = c.GetArgument<DateOnly?>("from");
                var to = c.GetArgument<DateOnly?>("to");
                var loaders = c.Loaders();
                var ids = await loaders.ReadAsync(db => db.Partnerships.Where(p => p.ConsortiumId == c.Source.Id).Select(p => p.Id).ToListAsync(c.CancellationToken), c.CancellationToken);
                var parts = Impacts.SelectedParts(c);
                var impacts = await loaders.ReadAsync(db => Impacts.ComputeAsync(db, ids, from, to, c.CancellationToken, parts), c.CancellationToken);
                return Impact.Combine(impacts.Values);
            });
    }
}
