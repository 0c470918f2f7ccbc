using ConsortiumGraph.Operations;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>Schema changes are classified as clients feel them, and the check refuses what breaks them unless it was deprecated first.</summary>
public sealed class SchemaCheckTests
{
    private const string Before = """
        type Query { district(code: String!): District  districts(first: Int = 25): [District!]!  old: String @deprecated(reason: "Use district.") }
        type District { id: ID!  name: String  enrollment: Int!  locale: Locale! }
        enum Locale { CITY RURAL }
        input DistrictInput { name: String!  note: String }
        """;

    private static IReadOnlyList<SchemaChange> Changes(string after) => SchemaChanges.Between(Before, after);

    private static SchemaChange One(string after, string path) => Assert.Single(Changes(after), c => c.Path == path);

    public static readonly TheoryData<string, string, string, SchemaChangeKind> Cases = new()
    {
        { "a field removed", Before.Replace("  enrollment: Int!", ""), "District.enrollment", SchemaChangeKind.Breaking },
        { "an output made nullable", Before.Replace("enrollment: Int!", "enrollment: Int"), "District.enrollment", SchemaChangeKind.Breaking },
        { "an output made stricter", Before.Replace("name: String  enrollment", "name: String!  enrollment"), "District.name", SchemaChangeKind.Safe },
        { "a field's type changed", Before.Replace("enrollment: Int!", "enrollment: String!"), "District.enrollment", SchemaChangeKind.Breaking },
        { "a required argument added", Before.Replace("district(code: String!)", "district(code: String!, state: String!)"), "Query.district(state)", SchemaChangeKind.Breaking },
        { "an optional argument added", Before.Replace("district(code: String!)", "district(code: String!, state: String)"), "Query.district(state)", SchemaChangeKind.Dangerous },
        { "an argument made required", Before.Replace("districts(first: Int = 25)", "districts(first: Int!)"), "Query.districts(first)", SchemaChangeKind.Breaking },
        { "a default changed", Before.Replace("first: Int = 25", "first: Int = 50"), "Query.districts(first)", SchemaChangeKind.Dangerous },
        { "an enum value removed", Before.Replace("CITY RURAL", "RURAL"), "Locale.CITY", SchemaChangeKind.Breaking },
        { "an enum value added", Before.Replace("CITY RURAL", "CITY TOWN RURAL"), "Locale.TOWN", SchemaChangeKind.Dangerous },
        { "a required input field added", Before.Replace("note: String }", "note: String  state: String! }"), "DistrictInput.state", SchemaChangeKind.Breaking },
        { "an input field made optional", Before.Replace("name: String!  note", "name: String  note"), "DistrictInput.name", SchemaChangeKind.Safe },
        { "a type removed", Before.Replace("input DistrictInput { name: String!  note: String }", ""), "DistrictInput", SchemaChangeKind.Breaking },
        { "a type added", Before + "\ntype School { id: ID! }", "School", SchemaChangeKind.Safe },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_change_is_classified_as_clients_feel_it(string change, string after, string path, SchemaChangeKind expected)
    {
        var changes = Changes(after);
        if (expected == SchemaChangeKind.Safe && changes.All(c => c.Path != path))
            return; // a stricter output or a looser input is no change a client can see
        Assert.True(changes.Any(c => c.Path == path && c.Kind == expected), $"{change}: {string.Join("; ", changes)}");
    }

    [Fact]
    public void Removing_what_was_deprecated_is_breaking_but_allowed()
    {
        var removed = One(Before.Replace("  old: String @deprecated(reason: \"Use district.\")", ""), "Query.old");
        Assert.Equal(SchemaChangeKind.Breaking, removed.Kind);
        Assert.True(removed.WasDeprecated);
        Assert.False(One(Before.Replace("  enrollment: Int!", ""), "District.enrollment").WasDeprecated);
        Assert.Empty(Changes(Before));
    }

    [Fact]
    public async Task The_command_refuses_a_breaking_change_and_lets_a_deprecated_removal_through()
    {
        var committed = await File.ReadAllTextAsync(Repository.File("schema", "consortium.graphql"));
        var folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-schema-check-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            // As if the committed contract had a field the build no longer serves.
            var withExtra = committed.Replace("type Query {", "type Query {\n  \"Gone in this build.\"\n  retiredField: String");
            var withDeprecated = committed.Replace("type Query {", "type Query {\n  \"Gone in this build.\"\n  retiredField: String @deprecated(reason: \"Use districts.\")");
            Assert.NotEqual(committed, withExtra);
            await File.WriteAllTextAsync(Path.Combine(folder, "breaking.graphql"), withExtra);
            await File.WriteAllTextAsync(Path.Combine(folder, "deprecated.graphql"), withDeprecated);
            var (exit, output) = await CheckAsync(Path.Combine(folder, "breaking.graphql"));
            Assert.Equal(1, exit);
            Assert.Contains("BREAKING  Query.retiredField: the field was removed", output);
            (exit, output) = await CheckAsync(Path.Combine(folder, "deprecated.graphql"));
            Assert.Equal(0, exit);
            Assert.Contains("Query.retiredField: the field was removed (it was deprecated: allowed)", output);
            (exit, _) = await CheckAsync(Repository.File("schema", "consortium.graphql"));
            Assert.Equal(0, exit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> CheckAsync(string against)
    {
        using var process = BuiltServer.Run("dotnet", AppContext.BaseDirectory, null,
            Path.Combine(AppContext.BaseDirectory, "ConsortiumGraph.Server.dll"), "schema", "check", "--against", against);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (process.ExitCode, await output + await error);
    }
}
