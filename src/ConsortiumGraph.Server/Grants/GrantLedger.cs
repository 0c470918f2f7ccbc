using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Grants;

/// <summary>
/// The figures of a grant's books, for any number of grants in three statements (their current budget, their
/// spending and their drawdowns, each one GROUP BY), from the grant rows the caller already read. Sums are of
/// whole cents in SQL, so they are exact. The rows are read unfiltered: the caller passes grants it may read,
/// and every member's lines count in the totals; then other members' own rows are hidden from district staff,
/// unless their district keeps the grant's books (<see cref="ConsortiumDb.SeesBusinessOf"/>).
/// </summary>
public static class GrantLedger
{
    /// <summary>The tolerance of <see cref="SpendingPace.OnPace"/>, in points of the award and the period.</summary>
    public const double PaceTolerance = 0.10;

    public static async Task<IReadOnlyDictionary<Grant, GrantFinancials>> ComputeAsync(ConsortiumDb db, IReadOnlyCollection<Grant> grants, DateOnly asOf, CancellationToken ct)
    {
        var grantIds = grants.Select(g => g.Id).Distinct().ToArray();
        var budget = (await db.GrantBudgetLines.IgnoreQueryFilters().AsNoTracking()
                // The grants are said by their own key too: PostgreSQL's generic plan hashed all 4,000 grants to join them (JoinedPrincipal).
                .Where(l => grantIds.Contains(l.GrantId) && grantIds.Contains(l.Grant.Id) && l.Revision == l.Grant.BudgetVersion)
                .GroupBy(l => new { l.GrantId, l.Category, l.DistrictId })
                .Select(g => new { g.Key.GrantId, g.Key.Category, g.Key.DistrictId, Amount = g.Sum(l => l.Amount) }).ToListAsync(ct))
            .ToLookup(l => l.GrantId);
        var spent = (await db.Expenditures.IgnoreQueryFilters().AsNoTracking()
                .Where(e => grantIds.Contains(e.GrantId) && e.SpentOn <= asOf)
                .GroupBy(e => new { e.GrantId, e.Category, e.DistrictId, e.FundedBy })
                .Select(g => new { g.Key.GrantId, g.Key.Category, g.Key.DistrictId, g.Key.FundedBy, Amount = g.Sum(e => e.Amount) }).ToListAsync(ct))
            .ToLookup(e => e.GrantId);
        var drawn = (await db.Drawdowns.IgnoreQueryFilters().AsNoTracking()
                .Where(d => grantIds.Contains(d.GrantId) && d.RequestedOn <= asOf)
                .GroupBy(d => d.GrantId)
                .Select(g => new { GrantId = g.Key, Requested = g.Sum(d => d.Amount), Received = g.Sum(d => d.ReceivedOn != null && d.ReceivedOn <= asOf ? d.ReceivedAmount ?? 0 : 0) })
                .ToListAsync(ct))
            .ToDictionary(d => d.GrantId);

        return grants.ToDictionary(g => g, g => Financials(db, (g.Amount, g.MatchRequired, g.StartsOn, g.EndsOn, g.FiscalAgentId), asOf,
            [.. budget[g.Id].Select(l => (l.Category, l.DistrictId, l.Amount))], [.. spent[g.Id].Select(e => (e.Category, e.DistrictId, e.FundedBy, e.Amount))],
            drawn.GetValueOrDefault(g.Id)?.Requested ?? 0, drawn.GetValueOrDefault(g.Id)?.Received ?? 0));
    }

    /// <summary>
    /// A grant's books from its rows: every line of the budget in force and every expenditure up to the day (either
    /// may come grouped), and what was drawn down and received by then. Every member's rows count in the totals; the
    /// per-member comparisons are only those the caller may read.
    /// </summary>
    public static GrantFinancials Financials(ConsortiumDb db, (decimal Amount, decimal MatchRequired, DateOnly StartsOn, DateOnly EndsOn, int FiscalAgentId) grant,
        DateOnly asOf, IReadOnlyList<(BudgetCategory Category, int? DistrictId, decimal Amount)> lines,
        IReadOnlyList<(BudgetCategory Category, int? DistrictId, FundingSource FundedBy, decimal Amount)> spending, decimal drawnDown, decimal received)
    {
        var grantSpending = spending.Where(e => e.FundedBy == FundingSource.Grant).ToList();
        var total = grantSpending.Sum(e => e.Amount);
        var byCategory = lines.Select(l => l.Category).Concat(grantSpending.Select(e => e.Category)).Distinct().Order()
            .Select(c => new BudgetComparison(c, null, lines.Where(l => l.Category == c).Sum(l => l.Amount), grantSpending.Where(e => e.Category == c).Sum(e => e.Amount)))
            .ToList();
        var byMember = lines.Select(l => l.DistrictId).Concat(grantSpending.Select(e => e.DistrictId)).OfType<int>().Distinct().Order()
            .Where(d => db.SeesBusinessOf(grant.FiscalAgentId) || db.SeesBusinessOf(d))
            .Select(d => new BudgetComparison(null, d, lines.Where(l => l.DistrictId == d).Sum(l => l.Amount), grantSpending.Where(e => e.DistrictId == d).Sum(e => e.Amount)))
            .ToList();
        return new GrantFinancials(asOf, grant.Amount, lines.Sum(l => l.Amount), total, drawnDown, received, byCategory, byMember,
            grant.MatchRequired, spending.Where(e => e.FundedBy == FundingSource.Match).Sum(e => e.Amount), BurnRate(grant.Amount, total, grant.StartsOn, grant.EndsOn, asOf));
    }

    /// <summary>
    /// The period elapsed and the award spent, as shares; spending per month so far (a month is 1/12 of 365.25
    /// days) and what the period ends at if it goes on so, both to the cent.
    /// </summary>
    public static GrantBurnRate BurnRate(decimal awarded, decimal spent, DateOnly startsOn, DateOnly endsOn, DateOnly asOf)
    {
        var days = endsOn.DayNumber - startsOn.DayNumber + 1;
        var elapsed = Math.Clamp(asOf.DayNumber - startsOn.DayNumber + 1, 0, days);
        var spentShare = awarded == 0 ? 0 : (double)(spent / awarded);
        if (elapsed == 0) return new GrantBurnRate(0, spentShare, 0, spent, SpendingPace.NotStarted);
        var periodShare = (double)elapsed / days;
        var perMonth = decimal.Round(spent / elapsed * 365.25m / 12m, 2, MidpointRounding.ToEven);
        var projected = decimal.Round(spent / elapsed * days, 2, MidpointRounding.ToEven);
        var pace = spentShare < periodShare - PaceTolerance ? SpendingPace.Behind
            : spentShare > periodShare + PaceTolerance ? SpendingPace.Ahead : SpendingPace.OnPace;
        return new GrantBurnRate(Math.Round(periodShare, 4), Math.Round(spentShare, 4), perMonth, projected, pace);
    }
}
