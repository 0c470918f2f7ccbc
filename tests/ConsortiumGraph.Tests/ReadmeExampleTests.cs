using System.Text.Json;
using System.Text.RegularExpressions;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The README's queries answer the demo data: every ```graphql block without variables that is a query runs, as the
/// user it is written for (the funder for <c>fundingReport</c>, a consortium admin otherwise), with no errors and with figures.
/// </summary>
public sealed partial class ReadmeExampleTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    public static TheoryData<int, string> Queries()
    {
        var data = new TheoryData<int, string>();
        var readme = File.ReadAllText(Repository.File("README.md"));
        foreach (Match block in GraphQLBlock().Matches(readme))
        {
            var query = block.Groups[1].Value.Trim();
            if (query.Contains('$') || query.StartsWith("mutation", StringComparison.Ordinal) || query.StartsWith("subscription", StringComparison.Ordinal)) continue;
            data.Add(readme[..block.Index].Count(c => c == '\n') + 1, query);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Each_query_answers_the_demo_data(int line, string query)
    {
        var token = await server.TokenAsync(query.Contains("fundingReport", StringComparison.Ordinal) ? "funder-1" : "consortium-admin");
        var (_, body) = await server.SendAsync(query, token: token);
        var response = JsonDocument.Parse(body).RootElement;
        Assert.False(response.TryGetProperty("errors", out var errors), $"README line {line}: {errors}");
        // Not an empty shell: the answer carries figures.
        Assert.True(Numbers(response.GetProperty("data")).Any(n => n != 0), $"README line {line} answered no figures: {body}");
    }

    private static IEnumerable<decimal> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers),
        JsonValueKind.Number => [element.GetDecimal()],
        _ => [],
    };

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();
}
