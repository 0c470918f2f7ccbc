using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ConsortiumGraph.Operations;

/// <summary>How a schema change affects clients, as the GraphQL ecosystem's schema-diff tools classify it.</summary>
public enum SchemaChangeKind
{
    /// <summary>Clients that worked may fail: a removed or retyped field, a new required argument, a removed enum value.</summary>
    Breaking,
    /// <summary>Clients keep working but may behave differently: a new enum value, an optional argument, a changed default.</summary>
    Dangerous,
    /// <summary>Nothing a client relies on changes: added types and fields, descriptions.</summary>
    Safe,
}

/// <summary>One difference between two schemas; <see cref="WasDeprecated"/> when what was removed or changed had been deprecated.</summary>
public sealed record SchemaChange(SchemaChangeKind Kind, string Path, string What, bool WasDeprecated = false);

/// <summary>
/// The differences between two SDL documents (parsed with GraphQL-Parser), classified as graphql-js's
/// findBreakingChanges and findDangerousChanges do: output types may become stricter, input types looser.
/// </summary>
public static class SchemaChanges
{
    private static readonly SDLPrinter Printer = new();

    private sealed record Member(GraphQLType? Type, string? Default, bool Deprecated, Dictionary<string, Member> Arguments);
    private sealed record Shape(string Kind, Dictionary<string, Member> Members, HashSet<string> Related);

    public static IReadOnlyList<SchemaChange> Between(string before, string after)
    {
        var (old, @new) = (Shapes(before), Shapes(after));
        var changes = new List<SchemaChange>();
        foreach (var (name, was) in old)
        {
            if (!@new.TryGetValue(name, out var now)) { changes.Add(new(SchemaChangeKind.Breaking, name, $"the {was.Kind} was removed")); continue; }
            if (was.Kind != now.Kind) { changes.Add(new(SchemaChangeKind.Breaking, name, $"changed from {was.Kind} to {now.Kind}")); continue; }
            Compare(name, was, now, changes);
        }
        foreach (var name in @new.Keys.Where(n => !old.ContainsKey(n)))
            changes.Add(new(SchemaChangeKind.Safe, name, $"the {@new[name].Kind} was added"));
        return changes;
    }

    private static void Compare(string type, Shape was, Shape now, List<SchemaChange> changes)
    {
        var input = was.Kind == "input";
        foreach (var (name, member) in was.Members)
        {
            var path = $"{type}.{name}";
            if (!now.Members.TryGetValue(name, out var current))
            {
                changes.Add(new(SchemaChangeKind.Breaking, path, was.Kind == "enum" ? "the value was removed" : "the field was removed", member.Deprecated));
                continue;
            }
            if (member.Type is not null && current.Type is not null && !(input ? SafeForInput(member.Type, current.Type) : SafeForOutput(member.Type, current.Type)))
                changes.Add(new(SchemaChangeKind.Breaking, path, $"its type changed from {Print(member.Type)} to {Print(current.Type)}", member.Deprecated));
            if (input && member.Default != current.Default)
                changes.Add(new(SchemaChangeKind.Dangerous, path, $"its default changed from {member.Default ?? "none"} to {current.Default ?? "none"}"));
            foreach (var (argument, arg) in member.Arguments)
            {
                if (!current.Arguments.TryGetValue(argument, out var now2))
                    changes.Add(new(SchemaChangeKind.Breaking, $"{path}({argument})", "the argument was removed", arg.Deprecated || member.Deprecated));
                else if (!SafeForInput(arg.Type!, now2.Type!))
                    changes.Add(new(SchemaChangeKind.Breaking, $"{path}({argument})", $"its type changed from {Print(arg.Type!)} to {Print(now2.Type!)}", arg.Deprecated));
                else if (arg.Default != now2.Default)
                    changes.Add(new(SchemaChangeKind.Dangerous, $"{path}({argument})", $"its default changed from {arg.Default ?? "none"} to {now2.Default ?? "none"}"));
            }
            foreach (var (argument, arg) in current.Arguments.Where(a => !member.Arguments.ContainsKey(a.Key)))
                changes.Add(Required(arg) ? new(SchemaChangeKind.Breaking, $"{path}({argument})", "a required argument was added")
                    : new(SchemaChangeKind.Dangerous, $"{path}({argument})", "an optional argument was added"));
        }
        foreach (var (name, member) in now.Members.Where(m => !was.Members.ContainsKey(m.Key)))
            changes.Add(was.Kind switch
            {
                "enum" => new(SchemaChangeKind.Dangerous, $"{type}.{name}", "a value was added"),
                "input" when Required(member) => new(SchemaChangeKind.Breaking, $"{type}.{name}", "a required input field was added"),
                "input" => new(SchemaChangeKind.Dangerous, $"{type}.{name}", "an optional input field was added"),
                _ => new(SchemaChangeKind.Safe, $"{type}.{name}", "the field was added"),
            });
        foreach (var related in was.Related.Where(r => !now.Related.Contains(r)))
            changes.Add(new(SchemaChangeKind.Breaking, type, was.Kind == "union" ? $"{related} is no longer a member" : $"it no longer implements {related}"));
        foreach (var related in now.Related.Where(r => !was.Related.Contains(r)))
            changes.Add(new(SchemaChangeKind.Dangerous, type, was.Kind == "union" ? $"{related} became a member" : $"it now implements {related}"));
    }

    private static bool Required(Member member) => member.Type is GraphQLNonNullType && member.Default is null;

    /// <summary>An output may get stricter (nullable to non-null), never looser or another type.</summary>
    private static bool SafeForOutput(GraphQLType was, GraphQLType now) => (was, now) switch
    {
        (GraphQLListType l, GraphQLListType n) => SafeForOutput(l.Type, n.Type),
        (GraphQLListType, GraphQLNonNullType n) => SafeForOutput(was, n.Type),
        (GraphQLNonNullType o, GraphQLNonNullType n) => SafeForOutput(o.Type, n.Type),
        (GraphQLNamedType o, GraphQLNamedType n) => o.Name.StringValue == n.Name.StringValue,
        (GraphQLNamedType, GraphQLNonNullType n) => SafeForOutput(was, n.Type),
        _ => false,
    };

    /// <summary>An input may get looser (non-null to nullable), never stricter or another type.</summary>
    private static bool SafeForInput(GraphQLType was, GraphQLType now) => (was, now) switch
    {
        (GraphQLListType o, GraphQLListType n) => SafeForInput(o.Type, n.Type),
        (GraphQLNonNullType o, GraphQLNonNullType n) => SafeForInput(o.Type, n.Type),
        (GraphQLNonNullType o, _) => SafeForInput(o.Type, now),
        (GraphQLNamedType o, GraphQLNamedType n) => o.Name.StringValue == n.Name.StringValue,
        _ => false,
    };

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType n => Print(n.Type) + "!",
        GraphQLListType l => $"[{Print(l.Type)}]",
        GraphQLNamedType t => t.Name.StringValue,
        _ => type.ToString()!,
    };

    private static Dictionary<string, Shape> Shapes(string sdl)
    {
        var shapes = new Dictionary<string, Shape>();
        foreach (var definition in Parser.Parse(sdl).Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition o:
                    shapes[o.Name.StringValue] = new("type", Fields(o.Fields?.Items), Names(o.Interfaces?.Items));
                    break;
                case GraphQLInterfaceTypeDefinition i:
                    shapes[i.Name.StringValue] = new("interface", Fields(i.Fields?.Items), Names(i.Interfaces?.Items));
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    shapes[input.Name.StringValue] = new("input", (input.Fields?.Items ?? []).ToDictionary(f => f.Name.StringValue, Value), []);
                    break;
                case GraphQLEnumTypeDefinition e:
                    shapes[e.Name.StringValue] = new("enum", (e.Values?.Items ?? []).ToDictionary(v => v.Name.StringValue, v => new Member(null, null, Deprecated(v.Directives), [])), []);
                    break;
                case GraphQLUnionTypeDefinition u:
                    shapes[u.Name.StringValue] = new("union", [], Names(u.Types?.Items));
                    break;
                case GraphQLScalarTypeDefinition s:
                    shapes[s.Name.StringValue] = new("scalar", [], []);
                    break;
                case GraphQLDirectiveDefinition d:
                    shapes["@" + d.Name.StringValue] = new("directive", new() { ["(arguments)"] = new(null, null, false, Arguments(d.Arguments?.Items)) }, []);
                    break;
            }
        }
        return shapes;
    }

    private static Dictionary<string, Member> Fields(List<GraphQLFieldDefinition>? fields) =>
        (fields ?? []).ToDictionary(f => f.Name.StringValue, f => new Member(f.Type, null, Deprecated(f.Directives), Arguments(f.Arguments?.Items)));

    private static Dictionary<string, Member> Arguments(List<GraphQLInputValueDefinition>? arguments) => (arguments ?? []).ToDictionary(a => a.Name.StringValue, Value);

    private static Member Value(GraphQLInputValueDefinition value) =>
        new(value.Type, value.DefaultValue is { } d ? Printer.Print(d) : null, Deprecated(value.Directives), []);

    private static HashSet<string> Names(List<GraphQLNamedType>? types) => [.. (types ?? []).Select(t => t.Name.StringValue)];

    private static bool Deprecated(GraphQLDirectives? directives) => directives?.Items.Any(d => d.Name.StringValue == "deprecated") == true;
}
