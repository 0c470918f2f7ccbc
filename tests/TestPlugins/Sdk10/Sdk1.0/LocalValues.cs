using System.Collections;

namespace ConsortiumGraph.Plugins;

/// <summary>
/// One plugin's local field values on one entity, by field name. Absent and null both mean "no value".
/// Values are <see cref="string"/>, <see cref="int"/>, <see cref="decimal"/>, <see cref="bool"/>,
/// <see cref="DateOnly"/>, enum values as <see cref="string"/>, or lists of those.
/// </summary>
public sealed class LocalValues(IReadOnlyDictionary<string, object?> values) : IReadOnlyDictionary<string, object?>
{
    /// <summary>No values.</summary>
    public static LocalValues Empty { get; } = new(new Dictionary<string, object?>());

    /// <summary>The text value of <paramref name="field"/>, or null.</summary>
    public string? String(string field) => Value(field) as string;

    /// <summary>The integer value of <paramref name="field"/>, or null.</summary>
    public int? Int(string field) => Value(field) as int?;

    /// <summary>The decimal value of <paramref name="field"/>, or null.</summary>
    public decimal? Decimal(string field) => Value(field) as decimal?;

    /// <summary>The boolean value of <paramref name="field"/>, or null.</summary>
    public bool? Boolean(string field) => Value(field) as bool?;

    /// <summary>The date value of <paramref name="field"/>, or null.</summary>
    public DateOnly? Date(string field) => Value(field) as DateOnly?;

    /// <summary>The list value of <paramref name="field"/>, or null.</summary>
    public IReadOnlyList<object?>? List(string field) => Value(field) as IReadOnlyList<object?>;

    /// <summary>True when <paramref name="field"/> has a non-null value.</summary>
    public bool Has(string field) => Value(field) is not null;

    private object? Value(string field) => values.TryGetValue(field, out var value) ? value : null;

    /// <inheritdoc />
    public object? this[string key] => values[key];
    /// <inheritdoc />
    public IEnumerable<string> Keys => values.Keys;
    /// <inheritdoc />
    public IEnumerable<object?> Values => values.Values;
    /// <inheritdoc />
    public int Count => values.Count;
    /// <inheritdoc />
    public bool ContainsKey(string key) => values.ContainsKey(key);
    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value) => values.TryGetValue(key, out value);
    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
