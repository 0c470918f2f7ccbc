using System.Net;
using System.Text.Json;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The introspection queries front-end tools send (graphql-js's getIntrospectionQuery, with every option
/// combination, from the npm package itself) are answered on the composed schema as every role, while
/// hostile introspection is still refused by the depth, alias and complexity limits.
/// </summary>
public sealed class IntrospectionTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static readonly Lazy<Task<Dictionary<string, string>>> Queries = new(async () =>
    {
        var folder = Repository.File("tests", "introspection-queries");
        await BuiltServer.NpmCiAsync(folder);
        var (output, _) = await BuiltServer.RunToEndAsync("node", folder, "queries.mjs");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(output)!;
    });

    [Fact]
    public async Task Every_standard_introspection_query_is_answered_as_every_role()
    {
        var queries = await Queries.Value;
        Assert.Equal(64, queries.Count);
        string[] users = [PluginTestHost.DefaultUser, "staff-5000310", "funder-1", ""];
        foreach (var user in users)
        {
            var token = user == "" ? PluginTestHost.Anonymous : await server.TokenAsync(user);
            foreach (var (options, query) in queries)
            {
                var (status, body) = await server.SendAsync(query, token: token);
                Assert.True(status == HttpStatusCode.OK, $"{options} as {(user == "" ? "anonymous" : user)}: {(int)status} {body[..Math.Min(body.Length, 600)]}");
                var schema = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("__schema");
                Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
                var types = schema.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToHashSet();
                Assert.Contains("Partnership", types);
                Assert.Contains("MapleRidgeDistrictFields", types); // a sample plugin's local fields
            }
        }
    }

    [Theory]
    [InlineData("lists nested four deep", "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }", "INTROSPECTION_TOO_DEEP")]
    [InlineData("the same through a fragment", "{ __type(name: \"Query\") { ...F } } fragment F on __Type { fields { type { interfaces { fields { type { possibleTypes { fields { name } } } } } } } }", "INTROSPECTION_TOO_DEEP")]
    [InlineData("many aliases of __schema", "{ a0: __schema { types { name } } a1: __schema { types { name } } a2: __schema { types { name } } a3: __schema { types { name } } a4: __schema { types { name } } a5: __schema { types { name } } a6: __schema { types { name } } a7: __schema { types { name } } a8: __schema { types { name } } a9: __schema { types { name } } b0: __schema { types { name } } b1: __schema { types { name } } b2: __schema { types { name } } b3: __schema { types { name } } b4: __schema { types { name } } b5: __schema { types { name } } b6: __schema { types { name } } b7: __schema { types { name } } b8: __schema { types { name } } b9: __schema { types { name } } c0: __schema { types { name } } c1: __schema { types { name } } c2: __schema { types { name } } c3: __schema { types { name } } c4: __schema { types { name } } c5: __schema { types { name } } c6: __schema { types { name } } c7: __schema { types { name } } c8: __schema { types { name } } c9: __schema { types { name } } d0: __schema { types { name } } }", "TOO_MANY_ALIASES")]
    public async Task Hostile_introspection_is_still_refused(string what, string query, string code)
    {
        var (status, body) = await server.SendAsync(query);
        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {(int)status} {body}");
        Assert.Contains(code, body);
    }

    [Fact]
    public async Task Deeply_nested_of_type_is_refused_by_the_depth_limit()
    {
        var query = "{ __type(name: \"Query\") { " + string.Concat(Enumerable.Repeat("ofType { ", 20)) + "name" + new string('}', 20) + " } }";
        var (status, body) = await server.SendAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("depth", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Introspection_serves_the_fields_of_the_current_specification()
    {
        var data = await server.QueryAsync("""
            { __schema { description directives { name isRepeatable args(includeDeprecated: true) { name isDeprecated } } }
              date: __type(name: "Date") { specifiedByURL isOneOf }
              input: __type(name: "CastVoteInput") { isOneOf inputFields(includeDeprecated: true) { name isDeprecated } } }
            """);
        Assert.Equal("ConsortiumGraph: the API school-district consortia run on.", data.GetProperty("__schema").GetProperty("description").GetString());
        Assert.Contains(data.GetProperty("__schema").GetProperty("directives").EnumerateArray(), d => d.GetProperty("name").GetString() == "deprecated" && !d.GetProperty("isRepeatable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("date").GetProperty("isOneOf").ValueKind);
        Assert.False(data.GetProperty("input").GetProperty("isOneOf").GetBoolean());
        Assert.NotEmpty(data.GetProperty("input").GetProperty("inputFields").EnumerateArray());
    }
}
