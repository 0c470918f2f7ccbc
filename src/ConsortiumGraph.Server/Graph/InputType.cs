using GraphQL.Types;

namespace ConsortiumGraph.Graph;

/// <summary>
/// The input object type of a mutation's input record, declared once: the record's name is the type's,
/// its public properties are the fields (nullability from the C# annotations, IDs marked [Id]), and its
/// [Description] attributes are the schema's descriptions, so the schema and the C# type cannot drift.
/// </summary>
public sealed class InputType<TInput> : AutoRegisteringInputObjectGraphType<TInput>
{
    public InputType() => Name = typeof(TInput).Name;

    /// <summary>
    /// Reads the input record from the request's values. Overriding it makes GraphQL.NET compile the conversion on first
    /// use instead of in <c>Initialize</c>: compiling every input type's conversion was about half of a schema build,
    /// which start-up and each plugin reload wait for, while a schema uses few of its inputs early.
    /// </summary>
    public override object ParseDictionary(IDictionary<string, object?> value) => base.ParseDictionary(value);
}

/// <summary>The server's input records, found once: the classes named *Input with a [Description], each mapped to its <see cref="InputType{TInput}"/>.</summary>
public static class InputRecords
{
    /// <summary>Record type to input graph type; every schema build (one per plugin set) registers these mappings.</summary>
    public static readonly IReadOnlyList<(Type Record, Type GraphType)> All = [.. typeof(InputRecords).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericType: false } && t.Name.EndsWith("Input", StringComparison.Ordinal)
            && t.IsDefined(typeof(System.ComponentModel.DescriptionAttribute), false))
        .Select(t => (t, typeof(InputType<>).MakeGenericType(t)))];
}
