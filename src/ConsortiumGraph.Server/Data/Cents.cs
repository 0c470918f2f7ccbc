using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConsortiumGraph.Data;

/// <summary>
/// Every amount of money is a <see cref="decimal"/> in code and a whole number of cents in the database,
/// on every provider: SQLite has no exact decimal type (it keeps text, which sorts "9.50" after "10.00" and
/// sums through floating point), so integers are what make SUM, ORDER BY and comparisons exact in SQL
/// everywhere. Every decimal property of the model is money; its column is named after it with "Cents".
/// Quantities and rates that are not money are integers or doubles.
/// </summary>
public static class Cents
{
    /// <summary>The largest amount stored: a hundred billion, well inside a 64-bit count of cents.</summary>
    public const decimal MaxAmount = 100_000_000_000m;

    public static void StoreMoneyAsCents(ModelBuilder model)
    {
        foreach (var property in model.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(decimal) || p.ClrType == typeof(decimal?)))
        {
            property.SetValueConverter(new CentsConverter());
            property.SetColumnName(property.Name + "Cents");
        }
    }

    /// <summary>The amount as cents; an amount with a fraction of a cent is refused, never rounded away.</summary>
    public static long Of(decimal amount)
    {
        var cents = amount * 100m;
        if (cents != decimal.Truncate(cents))
            throw new ArgumentException($"{amount} has a fraction of a cent; amounts are validated to the cent before they are stored.", nameof(amount));
        return decimal.ToInt64(cents);
    }

    /// <summary>Cents as an amount with two decimal places (1200 is 12.00, never 12).</summary>
    public static decimal ToAmount(long cents) => cents * 0.01m;

    /// <summary>Is <paramref name="amount"/> exact to the cent?</summary>
    public static bool IsWhole(decimal amount) => decimal.Round(amount, 2) == amount;

    private sealed class CentsConverter() : ValueConverter<decimal, long>(amount => Of(amount), cents => ToAmount(cents));
}
