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

    private static readonly RowsByKey<Leagues.League> Leagues = new("LeaguesByConsortiumId", l => l.ConsortiumId, q => q.OrderBy(l => l.Name).ThenBy(l => l.Id));

    private static readonly RowsByKey<Purchasing.Vendor> Vendors = new("VendorsByConsortiumId", v => v.ConsortiumId, q => q.OrderBy(v => v.Name).ThenBy(v => v.Id));

    private static readonly RowsByKey<Policy.PolicyItem> PolicyItems = new("PolicyItemsByConsortiumId", p => p.ConsortiumId, q => q.OrderBy(p => p.State).ThenBy(p => p.Title).ThenBy(p => p.Id));

    public ConsortiumType() : base("Districts (and their schools) that share a goal and do together what none can alone.")
    {
        this.AuthorizeWithRoles(Readers.Directory);
        Field(c => c.Name).Description("The consortium's name.");
        Field(c => c.SharedGoal).Description("The goal every member is bought into.");
        Field(c => c.Currency).Description("The ISO 4217 code of the currency every amount of money in the consortium is in: grants, budgets, spending, prices, savings and invoices.");
        Field(c => c.ArchivedOn, type: typeof(DateType)).Description("The day it was archived (read-only since); null while it runs.");
        Field(c => c.ArchiveReason, nullable: true).Description("Why it was archived.").AuthorizeWithRoles(Readers.Members);
        Field(c => c.Revision).Description("Changes with every change to the consortium or its members; send it back as `expectedRevision` to refuse to change a state you have not seen.")
            .AuthorizeWithRoles(Readers.Staff);
        this.Connection<Consortium, DistrictType, District>("districts", "The member districts (those that left are not listed; their history stays on the partnerships).")
            .Filter<DistrictFilter>().Order<DistrictOrder>().DefaultOrder(d => d.Name)
            .FromChildren(c => c.Memberships.Where(m => m.LeftOn == null).Select(m => m.District));
        this.Connection<Consortium, PartnershipType, Partnership>("partnerships", "The consortium's partnerships.")
            .Filter<PartnershipFilter>().Order<PartnershipOrder>().DefaultOrder(p => p.Name)
            .FromChildren(c => c.Partnerships);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("indicators")
            .Description("The standard indicators members report, by code.")
            .AuthorizeWithRoles(Readers.Members)
            .Resolve(c => Indicators.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Purchasing.VendorType>>>>("vendors").Description("The suppliers on the consortium's list, by name.")
            .AuthorizeWithRoles(Readers.Staff)
            .Resolve(c => Vendors.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Leagues.LeagueType>>>>("leagues").Description("The consortium's Leagues of schools that improve together, by name.")
            .AuthorizeWithRoles(Readers.League)
            .WithComplexityImpact(1, 5) // a consortium convenes a League or two, not a page of them
            .Resolve(c => Leagues.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Policy.PolicyItemType>>>>("policies").Description("The state policies and barriers the consortium works on, by state and title.")
            .AuthorizeWithRoles(Readers.Staff)
            .WithComplexityImpact(1, 50)
            .Resolve(c => PolicyItems.Load(c, c.Source.Id));
        this.AddRollup();
        Field<NonNullGraphType<ImpactType>>("impact").Description("What the consortium's partnerships delivered together over a period.")
            .ImpactArguments()
            .ResolveAsync(async c =>
            {
                var (id, from, to, parts) = (c.Source.Id, c.GetArgument<DateOnly?>("from"), c.GetArgument<DateOnly?>("to"), Impacts.SelectedParts(c));
                // Every partnership as a scope under the consortium's key: the database adds them up, a district in two partnerships counting in both.
                var impacts = await c.Loaders().ReadAsync(db => Impacts.ComputeAsync(db,
                    db.Partnerships.Where(p => p.ConsortiumId == id).Select(p => new ImpactScope { Key = id, PartnershipId = p.Id, From = from, To = to }),
                    [id], c.CancellationToken, parts), c.CancellationToken);
                return impacts[id];
            });
    }
}
