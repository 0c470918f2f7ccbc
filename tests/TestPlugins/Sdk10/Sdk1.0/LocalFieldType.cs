namespace ConsortiumGraph.Plugins;

/// <summary>The kinds of value a local field holds.</summary>
public enum LocalValueKind
{
    /// <summary>Text.</summary>
    String,
    /// <summary>A 32-bit integer.</summary>
    Int,
    /// <summary>A decimal number (money, rates).</summary>
    Decimal,
    /// <summary>True or false.</summary>
    Boolean,
    /// <summary>A calendar date.</summary>
    Date,
    /// <summary>One of a fixed list of UPPER_SNAKE_CASE values.</summary>
    Enum,
    /// <summary>A list of values of <see cref="LocalFieldType.ItemType"/>.</summary>
    List,
}

/// <summary>
/// The type of a local field. Values travel as: <see cref="string"/>, <see cref="int"/>,
/// <see cref="decimal"/>, <see cref="bool"/>, <see cref="DateOnly"/>, <see cref="string"/> (enum
/// values), and <see cref="IReadOnlyList{T}"/> of object for lists.
/// </summary>
public sealed class LocalFieldType
{
    private LocalFieldType(LocalValueKind kind, string? enumName = null, IReadOnlyList<string>? allowedValues = null, LocalFieldType? itemType = null)
    {
        Kind = kind;
        EnumName = enumName;
        AllowedValues = allowedValues ?? [];
        ItemType = itemType;
    }

    /// <summary>What kind of value the field holds.</summary>
    public LocalValueKind Kind { get; }

    /// <summary>For enums: the type's name within the plugin (PascalCase); the schema prefixes the plugin's key.</summary>
    public string? EnumName { get; }

    /// <summary>For enums: the values allowed, UPPER_SNAKE_CASE. Empty for other kinds.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    /// <summary>For lists: the type of each item (not itself a list).</summary>
    public LocalFieldType? ItemType { get; }

    /// <summary>Text.</summary>
    public static LocalFieldType String { get; } = new(LocalValueKind.String);
    /// <summary>A 32-bit integer.</summary>
    public static LocalFieldType Int { get; } = new(LocalValueKind.Int);
    /// <summary>A decimal number.</summary>
    public static LocalFieldType Decimal { get; } = new(LocalValueKind.Decimal);
    /// <summary>True or false.</summary>
    public static LocalFieldType Boolean { get; } = new(LocalValueKind.Boolean);
    /// <summary>A calendar date.</summary>
    public static LocalFieldType Date { get; } = new(LocalValueKind.Date);

    /// <summary>One of <paramref name="values"/>; <paramref name="name"/> names the enum in the schema (prefixed with the plugin's key).</summary>
    public static LocalFieldType Enum(string name, params string[] values) => new(LocalValueKind.Enum, name, values);

    /// <summary>A list of <paramref name="itemType"/> values.</summary>
    public static LocalFieldType ListOf(LocalFieldType itemType) => new(LocalValueKind.List, itemType: itemType);

    /// <summary>The GraphQL spelling of the type, e.g. <c>Date</c> or <c>[String!]</c> (enums unprefixed).</summary>
    public override string ToString() => Kind switch
    {
        LocalValueKind.List => $"[{ItemType}!]",
        LocalValueKind.Enum => EnumName!,
        _ => Kind.ToString(),
    };
}
