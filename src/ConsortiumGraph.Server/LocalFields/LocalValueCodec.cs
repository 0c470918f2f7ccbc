using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ConsortiumGraph.Plugins;

namespace ConsortiumGraph.LocalFields;

/// <summary>
/// Checks local field values against their declared types and stores them as JSON. Values in
/// memory are the SDK's: string, int, decimal, bool, DateOnly, enum values as string, lists of those.
/// </summary>
public static class LocalValueCodec
{
    public const int MaxJsonLength = 8000;
    public const int MaxStringLength = 4000;
    public const int MaxListItems = 100;

    /// <summary>Reads a value sent by a client (JSON scalar input); on failure, says why in terms the client can act on.</summary>
    public static bool TryRead(LocalFieldType type, object? input, out object? value, out string? problem)
    {
        value = null;
        problem = null;
        if (input is JsonElement element) input = FromJson(element);
        if (input is null) return true;
        switch (type.Kind)
        {
            case LocalValueKind.String when input is string s:
                if (s.Length > MaxStringLength) { problem = $"has {s.Length} characters; at most {MaxStringLength} are allowed"; return false; }
                value = s;
                return true;
            case LocalValueKind.Int when AsDecimal(input) is { } d:
                if (d != decimal.Truncate(d) || d is < int.MinValue or > int.MaxValue) { problem = "must be a whole number in the 32-bit range"; return false; }
                value = (int)d;
                return true;
            case LocalValueKind.Decimal when AsDecimal(input) is { } d:
                value = d;
                return true;
            case LocalValueKind.Boolean when input is bool b:
                value = b;
                return true;
            case LocalValueKind.Date when input is string s:
                if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) { problem = "must be a date written YYYY-MM-DD"; return false; }
                value = date;
                return true;
            case LocalValueKind.Enum when input is string s:
                if (!type.AllowedValues.Contains(s)) { problem = $"must be one of {string.Join(", ", type.AllowedValues)}"; return false; }
                value = s;
                return true;
            case LocalValueKind.List when input is System.Collections.IEnumerable items and not string and not IDictionary<string, object?>:
                var list = new List<object?>();
                foreach (var item in items)
                {
                    if (list.Count == MaxListItems) { problem = $"has more than {MaxListItems} items"; return false; }
                    if (item is null) { problem = $"item {list.Count} is null; lists hold values only"; return false; }
                    if (!TryRead(type.ItemType!, item, out var read, out var itemProblem)) { problem = $"item {list.Count} {itemProblem}"; return false; }
                    list.Add(read);
                }
                value = list;
                return true;
            default:
                problem = $"must be {Describe(type)}";
                return false;
        }
    }

    /// <summary>Checks a value plugin code computed; the same types as stored values, so a plugin cannot send the schema something it did not declare.</summary>
    public static object? Normalize(LocalFieldType type, object? computed, string field)
    {
        var input = computed switch
        {
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IEnumerable<object?> list when type.Kind == LocalValueKind.List => list.Select(i => i is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : i).ToList(),
            _ => computed,
        };
        return TryRead(type, input, out var value, out var problem)
            ? value
            : throw new InvalidOperationException($"The plugin computed {computed} ({computed?.GetType().Name}) for `{field}`, which {problem}.");
    }

    public static string Encode(object value) => value switch
    {
        DateOnly date => JsonSerializer.Serialize(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        IEnumerable<object?> list when value is not string => "[" + string.Join(",", list.Select(i => Encode(i!))) + "]",
        _ => JsonSerializer.Serialize(value),
    };

    /// <summary>
    /// Reads a stored value. A value that no longer fits the field (a new plugin version changed its
    /// type) reads as null and stays stored, so going back to the old version loses nothing.
    /// </summary>
    public static object? Decode(LocalFieldType type, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return TryRead(type, FromJson(document.RootElement), out var value, out _) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        _ => null,
    };

    private static decimal? AsDecimal(object input) => input switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        float f when float.IsFinite(f) => (decimal)f,
        BigInteger b when b >= (BigInteger)decimal.MinValue && b <= (BigInteger)decimal.MaxValue => (decimal)b,
        _ => null,
    };

    private static string Describe(LocalFieldType type) => type.Kind switch
    {
        LocalValueKind.String => "text",
        LocalValueKind.Int => "a whole number",
        LocalValueKind.Decimal => "a number",
        LocalValueKind.Boolean => "true or false",
        LocalValueKind.Date => "a date written YYYY-MM-DD",
        LocalValueKind.Enum => $"one of {string.Join(", ", type.AllowedValues)}",
        _ => $"a list of {Describe(type.ItemType!)}",
    };
}
