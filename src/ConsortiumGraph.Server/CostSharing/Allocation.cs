namespace ConsortiumGraph.CostSharing;

/// <summary>Splits an amount exactly: the parts are whole cents and always add up to the whole.</summary>
public static class Allocation
{
    /// <summary>
    /// Each member's part of <paramref name="total"/> in proportion to its basis, rounded down to the cent; the cents
    /// left over go to <paramref name="remainderTo"/> (the member the MOU names), so the parts sum to the total exactly.
    /// </summary>
    public static IReadOnlyDictionary<int, decimal> Split(decimal total, IReadOnlyDictionary<int, long> basis, int remainderTo)
    {
        var cents = Data.Cents.Of(total);
        var sum = basis.Values.Sum();
        if (sum <= 0) throw new ArgumentException("The basis adds up to nothing.", nameof(basis));
        if (!basis.ContainsKey(remainderTo)) throw new ArgumentException("The remainder goes to a member of the split.", nameof(remainderTo));
        // 128-bit intermediate: a hundred billion in cents times a basis in thousandths passes 64 bits.
        var parts = basis.ToDictionary(b => b.Key, b => (long)((Int128)cents * b.Value / sum));
        parts[remainderTo] += cents - parts.Values.Sum();
        return parts.ToDictionary(p => p.Key, p => Data.Cents.ToAmount(p.Value));
    }

    /// <summary>The part of an annual amount for <paramref name="months"/> months, to the cent (half to even).</summary>
    public static decimal ForMonths(decimal annual, int months) => decimal.Round(annual * months / 12m, 2, MidpointRounding.ToEven);
}
