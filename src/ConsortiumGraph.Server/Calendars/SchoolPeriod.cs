using System.Text.RegularExpressions;
using ConsortiumGraph.Graph;

namespace ConsortiumGraph.Calendars;

/// <summary>A school year ("2025-26", July to June) or a term of one: T1-T4, S1-S2, Q1-Q4. What indicators are reported for and what invoices bill.</summary>
public static partial class SchoolPeriod
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})( (T[1-4]|S[12]|Q[1-4]))?$")] private static partial Regex Pattern();

    public static bool IsValid(string? period) =>
        Pattern().Match(period ?? "") is { Success: true } match && int.Parse(match.Groups[2].Value) == (int.Parse(match.Groups[1].Value) + 1) % 100;

    /// <summary>Records INVALID_PERIOD on <paramref name="inputField"/> unless <paramref name="period"/> is one.</summary>
    public static bool Check<TInput>(MutationContext<TInput> m, string? period, string inputField)
    {
        if (IsValid(period)) return true;
        m.Invalid("INVALID_PERIOD", $"`{inputField}` is a school year such as 2025-26, or a term of one: 2025-26 T1 (terms), S1 (semesters) or Q1 (quarters).", inputField);
        return false;
    }
}
