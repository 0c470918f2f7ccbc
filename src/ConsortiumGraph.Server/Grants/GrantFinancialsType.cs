using GraphQL;
using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using GraphQL.Types;

namespace ConsortiumGraph.Grants;

public sealed class GrantFinancialsType : ObjectType<GrantFinancials>
{
    public GrantFinancialsType()
    {
        Name = "GrantFinancials";
        Description = "A grant's books as of a day, exact to the cent: budget against actual, what remains, cash, match and burn rate. Spending is what is paid from the grant (MATCH spending counts only toward the match).";
        this.AuthorizeWithRoles(Readers.Members);
        Field(f => f.AsOf, type: typeof(NonNullGraphType<DateType>)).Description("The day the figures are as of.");
        Field(f => f.Awarded).Description("The award, after every amendment.");
        Field(f => f.Budgeted).Description("The total of the budget in force.");
        Field(f => f.Unbudgeted).Description("The award not yet in the budget.");
        Field(f => f.Spent).Description("Spent from the grant.");
        Field(f => f.Remaining).Description("The award not yet spent.");
        Field(f => f.DrawnDown).Description("Requested from the funder.");
        Field(f => f.Received).Description("Received from the funder.");
        Field(f => f.CashOnHand).Description("Received and not yet spent (negative when the fiscal agent has spent ahead of drawing down).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BudgetComparisonType>>>>("byCategory").Description("Budget against actual per category.").Resolve(c => c.Source.ByCategory);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BudgetComparisonType>>>>("byMember")
            .Description("Budget against actual per member district allocated to or spent for. District staff see their own district's (all, for the fiscal agent's staff).").Resolve(c => c.Source.ByMember);
        Field(f => f.MatchRequired).Description("The match the members must contribute.");
        Field(f => f.MatchMet).Description("MATCH spending recorded so far.");
        Field(f => f.MatchRemaining).Description("The match still to contribute; 0 once met.");
        Field<NonNullGraphType<BooleanGraphType>>("matchIsMet").Description("Whether the required match has been contributed.").Resolve(c => c.Source.MatchMet >= c.Source.MatchRequired);
        Field<NonNullGraphType<GrantBurnRateType>>("burnRate").Description("How fast the award is spent against the grant period.").Resolve(c => c.Source.BurnRate);
    }
}

public sealed class BudgetComparisonType : ObjectType<BudgetComparison>
{
    public BudgetComparisonType()
    {
        Name = "BudgetComparison";
        Description = "Budget against grant-funded spending for one category or one member district.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(b => b.Category, nullable: true).Description("The category (in `byCategory`).");
        Field<DistrictType>("district").Description("The member district (in `byMember`).").Resolve(c => c.Source.DistrictId is { } id ? c.ById<District>(id) : null);
        Field(b => b.Budgeted).Description("Budgeted.");
        Field(b => b.Spent).Description("Spent from the grant.");
        Field(b => b.Remaining).Description("Budgeted and not spent; negative when overspent.");
    }
}

public sealed class GrantBurnRateType : ObjectType<GrantBurnRate>
{
    public GrantBurnRateType()
    {
        Name = "GrantBurnRate";
        Description = "How fast the award is spent against how far the grant period has run.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(b => b.PeriodElapsed).Description("The share of the grant period gone, 0 to 1 (to four places).");
        Field(b => b.AwardSpent).Description("The share of the award spent, 0 to 1 (to four places).");
        Field(b => b.SpentPerMonth).Description("Average spending per month so far, to the cent.");
        Field(b => b.ProjectedAtEnd).Description("What will have been spent at the end of the period if spending goes on at this rate, to the cent.");
        Field(b => b.Pace).Description("Behind, on pace or ahead: the award spent beside the period gone, within 10 points.");
    }
}
