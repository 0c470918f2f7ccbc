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

    /// <summary>The input records of an assembly: the classes named *Input with a [Description] (nested inputs are found through these mappings).</summary>
    public static IEnumerable<Type> In(System.Reflection.Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericType: false } && t.Name.EndsWith("Input", StringComparison.Ordinal)
            && t.IsDefined(typeof(System.ComponentModel.DescriptionAttribute), false));
}
