using System.Text.RegularExpressions;
using ConsortiumGraph.Graph;

namespace ConsortiumGraph.Districts;

/// <summary>What every directory entry's inputs must be, for districts and schools alike.</summary>
public static partial class DirectoryRules
{
    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")] private static partial Regex CodePattern();
    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex StatePattern();

    public static bool IsCode(string code) => CodePattern().IsMatch(code);
    public static bool IsState(string state) => StatePattern().IsMatch(state);

    /// <summary>A new code: letters, digits and hyphens, at most 32.</summary>
    public static string? Code<TInput>(this MutationContext<TInput> m, string code, string inputField)
    {
        code = code.Trim();
        if (CodePattern().IsMatch(code)) return code;
        m.Invalid("INVALID_CODE", "A directory code is 1-32 letters, digits or hyphens (the NCES id, e.g. 5000310).", inputField);
        return null;
    }

    public static string? State<TInput>(this MutationContext<TInput> m, string state, string inputField)
    {
        state = state.Trim().ToUpperInvariant();
        if (StatePattern().IsMatch(state)) return state;
        m.Invalid("INVALID_CODE", "A state is its two-letter USPS code (VT, NH, ME...).", inputField);
        return null;
    }

    /// <summary>Records OUT_OF_RANGE when <paramref name="value"/> is given and outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void Range<TInput>(this MutationContext<TInput> m, double? value, double min, double max, string inputField)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
            m.Invalid("OUT_OF_RANGE", $"`{inputField}` must be between {min:#,0.##} and {max:#,0.##}.", inputField);
    }
}
