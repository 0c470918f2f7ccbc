using System.ComponentModel;

namespace ConsortiumGraph.Grants;

/// <summary>A grant's books as of a day: the award against its budget, its spending, its cash and its match.</summary>
public sealed record GrantFinancials(
    DateOnly AsOf, decimal Awarded, decimal Budgeted, decimal Spent, decimal DrawnDown, decimal Received,
    IReadOnlyList<BudgetComparison> ByCategory, IReadOnlyList<BudgetComparison> ByMember,
    decimal MatchRequired, decimal MatchMet, GrantBurnRate BurnRate)
{
    public decimal Remaining => Awarded - Spent;
    public decimal Unbudgeted => Awarded - Budgeted;
    /// <summary>Received from the funder and not yet spent: what the fiscal agent holds.</summary>
    public decimal CashOnHand => Received - Spent;
    public decimal MatchRemaining => Math.Max(0, MatchRequired - MatchMet);
}

/// <summary>Budget against grant-funded spending for one category or one member district.</summary>
public sealed record BudgetComparison(BudgetCategory? Category, int? DistrictId, decimal Budgeted, decimal Spent)
{
    public decimal Remaining => Budgeted - Spent;
}

/// <summary>How fast the award is spent against how far the grant period has run.</summary>
public sealed record GrantBurnRate(double PeriodElapsed, double AwardSpent, decimal SpentPerMonth, decimal ProjectedAtEnd, SpendingPace Pace);

[Description("Spending against the grant period: the share of the award spent beside the share of the period gone.")]
public enum SpendingPace
{
    [Description("More than 10 points behind the period: money may be left unspent at the end.")] Behind,
    [Description("Within 10 points of the period.")] OnPace,
    [Description("More than 10 points ahead of the period: the award may run out early.")] Ahead,
    [Description("Nothing to compare yet: the period has not started.")] NotStarted,
}
