using ConsortiumGraph.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The schema is the front-end teams' contract: committed, complete against the draft, documented.
/// Two files: the core (the same for every district) and the core composed with the sample plugins.
/// </summary>
public sealed class SchemaTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    public const string UpdateVariable = "CONSORTIUMGRAPH_UPDATE_SCHEMA";

    /// <summary>The core schema, with no plugins.</summary>
    private ISchema Core
    {
        get
        {
            var schema = new Graph.ConsortiumSchema(server.Services, PluginHost.PluginSet.Empty);
            schema.Initialize();
            return schema;
        }
    }

    /// <summary>The schema the server runs: the core composed with the sample plugins.</summary>
    private ISchema Composed => server.Services.GetRequiredService<PluginHost.LiveSchema>().Schema;

    [Fact]
    public void The_committed_core_sdl_matches_the_core_schema() => AssertCommitted(Core, "consortium.graphql");

    [Fact]
    public void The_committed_composed_sdl_matches_the_schema_with_the_sample_plugins()
    {
        Assert.Equal(["mapleRidge", "riverside"], ((Graph.ConsortiumSchema)Composed).Plugins.Plugins.Select(p => p.Key).Order());
        AssertCommitted(Composed, "consortium.composed.graphql");
    }

    private static void AssertCommitted(ISchema schema, string name)
    {
        var served = Graph.SchemaPrinting.Sdl(schema);
        var file = Repository.File("schema", name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(file, served);
            return;
        }
        Assert.True(File.Exists(file), $"{file} is missing. Write it with: {UpdateVariable}=1 dotnet test --filter SchemaTests");
        Assert.True(File.ReadAllText(file).ReplaceLineEndings("\n") == served,
            $"schema/{name} differs from the served schema. If the change is deliberate, refresh it with: {UpdateVariable}=1 dotnet test --filter SchemaTests, and review the diff.");
    }

    [Fact]
    public void The_served_schema_keeps_every_name_and_type_of_the_draft_contract()
    {
        var draft = Parser.Parse(File.ReadAllText(Repository.File("..", "shared", "product", "core-schema-draft.graphql")));
        var schema = Core;
        var problems = new List<string>();
        foreach (var definition in draft.Definitions.OfType<GraphQLTypeDefinition>())
        {
            var name = definition.Name.StringValue;
            var served = schema.AllTypes[name];
            if (served is null) { problems.Add($"type {name} is missing"); continue; }
            switch (definition)
            {
                case GraphQLObjectTypeDefinition o:
                    CompareFields(name, o.Fields?.Items ?? [], served as IComplexGraphType, problems);
                    foreach (var i in o.Interfaces?.Items ?? [])
                        if (served is not IObjectGraphType obj || obj.ResolvedInterfaces.All(x => x.Name != i.Name.StringValue))
                            problems.Add($"{name} does not implement {i.Name.StringValue}");
                    break;
                case GraphQLInterfaceTypeDefinition i:
                    CompareFields(name, i.Fields?.Items ?? [], served as IComplexGraphType, problems);
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    foreach (var field in input.Fields?.Items ?? [])
                    {
                        var servedField = (served as IInputObjectGraphType)?.GetField(field.Name.StringValue);
                        if (servedField is null) problems.Add($"{name}.{field.Name.StringValue} is missing");
                        else if (servedField.ResolvedType!.ToString() != Print(field.Type))
                            problems.Add($"{name}.{field.Name.StringValue} is {servedField.ResolvedType} instead of {Print(field.Type)}");
                    }
                    break;
                case GraphQLEnumTypeDefinition e:
                    foreach (var value in e.Values?.Items ?? [])
                        if ((served as EnumerationGraphType)?.Values.FindByName(value.Name.StringValue) is null)
                            problems.Add($"{name}.{value.Name.StringValue} is missing");
                    break;
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void CompareFields(string typeName, IEnumerable<GraphQLFieldDefinition> fields, IComplexGraphType? served, List<string> problems)
    {
        foreach (var field in fields)
        {
            var servedField = served?.GetField(field.Name.StringValue);
            if (servedField is null) { problems.Add($"{typeName}.{field.Name.StringValue} is missing"); continue; }
            if (servedField.ResolvedType!.ToString() != Print(field.Type))
                problems.Add($"{typeName}.{field.Name.StringValue} is {servedField.ResolvedType} instead of {Print(field.Type)}");
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                var servedArgument = servedField.Arguments?.Find(argument.Name.StringValue);
                if (servedArgument is null) problems.Add($"{typeName}.{field.Name.StringValue}({argument.Name.StringValue}) is missing");
                else if (servedArgument.ResolvedType!.ToString() != Print(argument.Type))
                    problems.Add($"{typeName}.{field.Name.StringValue}({argument.Name.StringValue}) is {servedArgument.ResolvedType} instead of {Print(argument.Type)}");
            }
        }
    }

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType n => Print(n.Type) + "!",
        GraphQLListType l => "[" + Print(l.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new NotSupportedException(type.GetType().Name),
    };

    [Fact]
    public void Every_type_and_field_is_described()
    {
        var builtIn = new HashSet<string> { "String", "Int", "Float", "Boolean", "ID", "DateTime" };
        var missing = new List<string>();
        foreach (var type in Composed.AllTypes.Where(t => !t.Name.StartsWith("__") && !builtIn.Contains(t.Name)))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            if (type is IComplexGraphType complex)
                missing.AddRange(complex.Fields.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{type.Name}.{f.Name}"));
            if (type is EnumerationGraphType enumeration)
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
        }
        Assert.True(missing.Count == 0, "No description: " + string.Join(", ", missing));
    }

    /// <summary>
    /// Input types compile their conversion to the input record on first use (see <see cref="Graph.InputType{TInput}"/>), not when
    /// the schema is built; this compiles each one here, so a record the conversion cannot build fails a test, not a client's mutation.
    /// </summary>
    [Fact]
    public void Every_input_record_can_be_read_from_its_input_type()
    {
        var inputs = Composed.AllTypes.OfType<IInputObjectGraphType>()
            .Where(t => t.GetType().IsGenericType && t.GetType().GetGenericTypeDefinition() == typeof(Graph.InputType<>)).ToList();
        // Every input record the server declares is in the schema, so each is compiled below.
        Assert.Equal(Graph.InputRecords.All.Select(r => r.GraphType).OrderBy(t => t.FullName, StringComparer.Ordinal),
            inputs.Select(t => t.GetType()).OrderBy(t => t.FullName, StringComparer.Ordinal));
        var failed = new List<string>();
        foreach (var input in inputs)
        {
            try { ObjectExtensions.CompileToObject(input.GetType().GetGenericArguments()[0], input); }
            catch (Exception e) { failed.Add($"{input.Name}: {e.Message}"); }
        }
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }
}
