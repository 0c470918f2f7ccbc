using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Purchasing;

/// <summary>What one member bought in a scope (a contract, a partnership over a period), at the consortium's prices and as it would have alone.</summary>
public sealed record MemberSavings(int DistrictId, long Units, decimal Paid, decimal Standalone)
{
    /// <summary>(standalone price - contract price) x quantity, summed: exact, in whole cents.</summary>
    public decimal Saved => Standalone - Paid;
}

/// <summary>A purchase line under the key of the scope it counts in.</summary>
public sealed class KeyedPurchase
{
    public int Key { get; init; }
    public required PurchaseLine Line { get; init; }
}

public static class PurchaseSavings
{
    /// <summary>
    /// Each scope's purchases per member in one GROUP BY: the sums are of whole cents times whole units, so they are
    /// exact in SQL. The lines are read unfiltered: the caller gives scopes it may read, and every member counts in their totals.
    /// </summary>
    public static async Task<ILookup<int, MemberSavings>> ByMemberAsync(IQueryable<KeyedPurchase> lines, CancellationToken ct) =>
        (await lines.GroupBy(x => new { x.Key, x.Line.DistrictId })
            .Select(g => new
            {
                g.Key.Key, g.Key.DistrictId, Units = g.Sum(x => (long)x.Line.Quantity),
                Paid = g.Sum(x => x.Line.ConsortiumUnitPrice * x.Line.Quantity), Standalone = g.Sum(x => x.Line.StandaloneUnitPrice * x.Line.Quantity),
            })
            .ToListAsync(ct))
        .OrderBy(m => m.DistrictId)
        .ToLookup(m => m.Key, m => new MemberSavings(m.DistrictId, m.Units, m.Paid, m.Standalone));
}
