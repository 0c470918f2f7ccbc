using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace ConsortiumGraph.Grants;

public sealed class GrantType : NodeType<Grant>
{
    private static readonly RowsByKey<GrantAmendment> Amendments = new("AmendmentsByGrantId", a => a.GrantId, q => q.OrderBy(a => a.Number));
    private static readonly RowsByKey<GrantBudgetRevision> BudgetRevisions = new("BudgetRevisionsByGrantId", r => r.GrantId, q => q.OrderBy(r => r.Number));
    private static readonly RowsByKey<GrantBudgetLine> BudgetLines = new("BudgetLinesByGrantId", l => l.GrantId,
        q => q.OrderBy(l => l.Revision).ThenBy(l => l.Category).ThenBy(l => l.DistrictId).ThenBy(l => l.Id));
    private static readonly RowsByKey<Drawdown> Drawdowns = new("DrawdownsByGrantId", d => d.GrantId, q => q.OrderBy(d => d.RequestedOn).ThenBy(d => d.Id));
    private static readonly RowsByKey<GrantReport> Reports = new("ReportsByGrantId", r => r.GrantId, q => q.OrderBy(r => r.DueOn).ThenBy(r => r.Id));

    public GrantType() : base("Money a funder awards to a partnership, received and accounted for by its fiscal agent. Amounts are in the consortium's `currency`.")
    {
        Field<NonNullGraphType<FunderType>>("funder").Description("Who awards the grant.").Resolve(c => c.ById<Funder>(c.Source.FunderId));
        Field<NonNullGraphType<PartnershipType>>("partnership").Description("The funded partnership.").Resolve(c => c.ById<Partnership>(c.Source.PartnershipId));
        Field<NonNullGraphType<DistrictType>>("fiscalAgent").Description("The member district that receives the funds and keeps the books.").Resolve(c => c.ById<District>(c.Source.FiscalAgentId));
        Field(g => g.AwardNumber, nullable: true).Description("The funder's identifier for the award.");
        Field(g => g.Amount).Description("The amount awarded, after every amendment.");
        Field(g => g.MatchRequired).Description("What the members must contribute themselves; 0 when no match is required.");
        Field(g => g.StartsOn, type: typeof(NonNullGraphType<DateType>)).Description("First day of the grant period.");
        Field(g => g.EndsOn, type: typeof(NonNullGraphType<DateType>)).Description("Last day of the grant period.");
        Field(g => g.Status).Description("ACTIVE while the books are open; CLOSED once closed out.");
        Field(g => g.ClosedOn, type: typeof(DateType)).Description("The day the grant was closed out.");
        Field(g => g.CloseoutNote, nullable: true).Description("The fiscal agent's closing note.").AuthorizeWithRoles(Readers.Staff);
        Field(g => g.Revision).Description("Changes with every change to the award, its budget and its books; send it back as `expectedRevision`.");
        Field(g => g.BudgetVersion).Description("The number of the budget revision in force; 0 before a budget is adopted.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantAmendmentType>>>>("amendments").Description("Every amendment to the award, first first.")
            .Resolve(c => Amendments.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantBudgetLineType>>>>("budget")
            .Description("The budget in force, by category and member. District staff see the partnership-wide lines and their own district's.")
            .Resolve(c => BudgetLines.Load(c, c.Source.Id).Then(lines => lines.Where(l => l.Revision == c.Source.BudgetVersion).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantBudgetRevisionType>>>>("budgetRevisions").Description("Every budget adopted, first first, with its lines.")
            .Resolve(c => BudgetRevisions.Load(c, c.Source.Id).Then(revisions => BudgetLines.Load(c, c.Source.Id).Then(lines =>
                revisions.Select(r => new GrantBudgetRevisionType.WithLines(r, [.. lines.Where(l => l.Revision == r.Number)])).ToList())));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DrawdownType>>>>("drawdowns").Description("Funds requested from the funder, and received, earliest first.")
            .Resolve(c => Drawdowns.Load(c, c.Source.Id));
        this.Connection<Grant, ExpenditureType, Expenditure>("expenditures",
                "What the fiscal agent's books show spent, earliest first unless ordered otherwise. District staff see the partnership-wide spending and their own district's.")
            .Filter<ExpenditureFilter>().Order<ExpenditureOrder>().DefaultOrder(e => e.SpentOn)
            .FromChildren(g => g.Expenditures);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantReportType>>>>("reports").Description("The reports the funder requires, by due date, with which are late.")
            .Resolve(c => Reports.Load(c, c.Source.Id));
        Field<NonNullGraphType<GrantFinancialsType>>("financials")
            .Description("Budget against actual by category and member, what remains, cash drawn and received, the match, and the burn rate, as of a day.")
            .Argument<DateType>("asOf", "Count what happened up to this day; today when omitted.")
            // Through the loader, never awaited here: awaiting would read each grant's books on its own.
            .Resolve(c => FinancialsOf(c, c.Source, c.GetArgument<DateOnly?>("asOf")));
    }

    /// <summary>
    /// FinancialsByGrant: every grant of a response in one batch, keyed by the rows themselves, whose award,
    /// period and fiscal agent the ledger uses as they were read (it read them again before: one statement more).
    /// </summary>
    public static IDataLoaderResult<GrantFinancials?> FinancialsOf(IResolveFieldContext context, Grant grant, DateOnly? asOf)
    {
        var loaders = context.Loaders();
        var day = asOf ?? context.RequestServices!.GetRequiredService<TimeProvider>().Today();
        return loaders.For<Grant, GrantFinancials?>($"FinancialsByGrant:{day}",
            async (grants, ct) => (await loaders.ReadAsync(db => GrantLedger.ComputeAsync(db, grants, day, ct), ct)).ToDictionary(f => f.Key, f => (GrantFinancials?)f.Value),
            missing: null).Load(grant)!;
    }
}
