namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>A <see cref="LocalFieldType"/> as data.</summary>
public sealed record TypeDeclaration(LocalValueKind Kind, string? EnumName, IReadOnlyList<string>? AllowedValues, TypeDeclaration? ItemType)
{
    public static TypeDeclaration? Of(LocalFieldType? type) =>
        type is null ? null : new(type.Kind, type.EnumName, type.Kind == LocalValueKind.Enum ? type.AllowedValues : null, Of(type.ItemType));

    public LocalFieldType ToType() => Kind switch
    {
        LocalValueKind.String => LocalFieldType.String,
        LocalValueKind.Int => LocalFieldType.Int,
        LocalValueKind.Decimal => LocalFieldType.Decimal,
        LocalValueKind.Boolean => LocalFieldType.Boolean,
        LocalValueKind.Date => LocalFieldType.Date,
        LocalValueKind.Enum => LocalFieldType.Enum(EnumName!, [.. AllowedValues ?? []]),
        LocalValueKind.List => LocalFieldType.ListOf(ItemType?.ToType()!),
        _ => throw new InvalidDataException($"`{Kind}` is not a local value kind."),
    };
}
