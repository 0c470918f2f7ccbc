using System.ComponentModel;
using System.Linq.Expressions;
using GraphQL.Types;

namespace ConsortiumGraph.Graph;

[Description("Sort direction.")]
public enum SortDirection
{
    [Description("Ascending: A to Z, smallest first, earliest first.")] Asc,
    [Description("Descending: Z to A, largest first, latest first.")] Desc,
}

/// <summary>
/// An order input type (<c>{ field, direction }</c>) whose parsing yields the sort key, so ordering
/// runs in SQL and cursors follow it. An order type only maps each enum value to a property.
/// </summary>
public abstract class OrderInputType<T, TField> : InputObjectGraphType where TField : struct, Enum
{
    private readonly Dictionary<(TField, SortDirection), SortKey<T>> _keys = [];

    protected OrderInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<EnumerationGraphType<TField>>>("field").Description("What to order by.");
        Field<NonNullGraphType<EnumerationGraphType<SortDirection>>>("direction").Description("Ascending or descending; objects without a value come last either way.");
    }

    protected void By<TValue>(TField field, Expression<Func<T, TValue>> key)
    {
        _keys[(field, SortDirection.Asc)] = SortKey<T>.Create(key, descending: false);
        _keys[(field, SortDirection.Desc)] = SortKey<T>.Create(key, descending: true);
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        _keys[((TField)value["field"]!, (SortDirection)value["direction"]!)];
}
