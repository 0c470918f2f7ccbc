using System.Text.Json.Nodes;
using ConsortiumGraph.Bench;
using ConsortiumGraph.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The benchmark compares GraphQL with a hand-written baseline; the comparison means something only
/// while both answer the same JSON. bench/run checks this on the national data before it measures;
/// this test checks it on every build, on a small data set prepared the same way.
/// </summary>
public sealed class BenchmarkData : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"consortiumgraph-bench-{Guid.NewGuid():N}.db");
    public InProcessGraph Graph { get; private set; } = null!;
    public BenchTargets Targets { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // 450 districts: enough for a few pages of the district list.
        await BenchHost.PrepareAsync(_database, scale: 0.03, seed: 2026);
        Graph = await InProcessGraph.StartAsync(_database);
        Targets = await BenchTargets.FindAsync(Graph.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>());
    }

    public async Task DisposeAsync()
    {
        await Graph.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
    }
}

public sealed class BenchmarkBaselineTests(BenchmarkData data) : IClassFixture<BenchmarkData>
{
    private async Task<JsonNode?> GraphQLAsync(BenchOperation operation, JsonObject variables)
    {
        using var output = new MemoryStream();
        var result = await data.Graph.ExecuteAsync(operation.Document, variables, operation.Caller.Principal(), output);
        Assert.True(result.Errors is null, result.Errors?.FirstOrDefault()?.Message + " " + result.Errors?.FirstOrDefault()?.InnerException);
        return JsonNode.Parse(output.ToArray())!["data"];
    }

    private async Task<JsonNode?> BaselineAsync(BenchOperation operation, string? after = null)
    {
        using var output = new MemoryStream();
        await data.Graph.BaselineAsync((db, now, ct) => operation.Read!(db, now, after, ct), operation.Caller.Principal(), output);
        return JsonNode.Parse(output.ToArray())!["data"];
    }

    [Theory]
    [InlineData("dashboard")]
    [InlineData("partnership detail")]
    [InlineData("district local fields")]
    [InlineData("funder report")]
    [InlineData("grant books")]
    [InlineData("purchasing savings")]
    [InlineData("league trajectories")]
    [InlineData("practice search")]
    public async Task The_baseline_answers_exactly_what_GraphQL_answers(string name)
    {
        var operation = data.Targets.Reads.Single(o => o.Name == name);
        var graphQL = await GraphQLAsync(operation, operation.Variables);
        Assert.NotNull(graphQL!.AsObject().Single().Value);
        Assert.True(JsonNode.DeepEquals(graphQL, await BaselineAsync(operation)), $"{name}: {graphQL.ToJsonString()}");
    }

    [Fact]
    public async Task The_purchasing_operation_reads_contracts_with_savings_and_only_the_callers_own_purchases()
    {
        var operation = data.Targets.Reads.Single(o => o.Name == "purchasing savings");
        var node = (await GraphQLAsync(operation, operation.Variables))!["node"]!;
        var contracts = node["purchasingRounds"]!.AsArray().Select(r => r!["contract"]).OfType<JsonNode>().ToList();
        Assert.NotEmpty(contracts);
        var purchases = contracts.SelectMany(c => c["purchases"]!["nodes"]!.AsArray()).ToList();
        Assert.NotEmpty(purchases);
        // The caller is staff of one member: its own purchases and rows only, while the totals count every member's.
        var own = operation.Caller.Districts.Single();
        Assert.All(purchases, p => Assert.Equal(own, p!["district"]!["code"]!.GetValue<string>()));
        Assert.All(node["impact"]!["savingsByMember"]!.AsArray(), m => Assert.Equal(own, m!["district"]!["code"]!.GetValue<string>()));
        var ownSaved = node["impact"]!["savingsByMember"]!.AsArray().Sum(m => m!["saved"]!.GetValue<decimal>());
        Assert.True(node["impact"]!["savings"]!.GetValue<decimal>() > ownSaved, "the partnership's savings count the other members' purchases too");
    }

    [Fact]
    public async Task A_data_set_generated_before_the_League_is_refused_with_what_to_do()
    {
        var databases = data.Graph.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>();
        await using var db = await databases.CreateDbContextAsync();
        // As an older data set: the first consortium's League belongs to another consortium for the length of the test.
        var league = await db.Leagues.SingleAsync(l => l.ConsortiumId == data.Targets.ConsortiumId);
        var other = await db.Consortia.Where(c => c.Id != data.Targets.ConsortiumId && c.Name.StartsWith("Consortium ")).Select(c => c.Id).FirstAsync();
        await db.Leagues.Where(l => l.Id == league.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ConsortiumId, other));
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => BenchTargets.FindAsync(databases));
            Assert.Contains("Delete it (bench/data/)", refused.Message);
        }
        finally
        {
            await db.Leagues.Where(l => l.Id == league.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ConsortiumId, data.Targets.ConsortiumId));
        }
        Assert.Equal(data.Targets, await BenchTargets.FindAsync(databases));
    }

    [Fact]
    public async Task A_data_set_generated_before_joint_purchasing_is_refused_with_what_to_do()
    {
        var databases = data.Graph.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>();
        await using var db = await databases.CreateDbContextAsync();
        // As an older data set: the first consortium's joint purchases are shared services for the length of the test.
        var purchasing = await db.Partnerships.Where(p => p.ConsortiumId == data.Targets.ConsortiumId && p.Kind == Partnerships.PartnershipKind.JointPurchasing)
            .Select(p => p.Id).ToListAsync();
        Assert.Contains(data.Targets.PurchasingId, purchasing);
        await db.Partnerships.Where(p => purchasing.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Kind, Partnerships.PartnershipKind.SharedService));
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => BenchTargets.FindAsync(databases));
            Assert.Contains("no joint purchases", refused.Message);
            Assert.Contains("Delete it (bench/data/)", refused.Message);
        }
        finally
        {
            await db.Partnerships.Where(p => purchasing.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Kind, Partnerships.PartnershipKind.JointPurchasing));
        }
        Assert.Equal(data.Targets, await BenchTargets.FindAsync(databases));
    }

    [Fact]
    public async Task A_practice_search_finds_its_Leagues_matching_practices_and_none_of_another_Leagues()
    {
        await using var db = await data.Graph.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync();
        // What the words match, League by League, straight from the full-text table (the search's query plan is tuned; this is not).
        var words = string.Join(' ', BenchTargets.PracticeWords.Split(' ').Select(w => $"\"{w}\""));
        var matches = (await db.Database.SqlQuery<MatchedPractice>(
                $"""SELECT p."LeagueId", p."Id" FROM "SharedPractices" p JOIN "SharedPracticeSearch" s ON s.rowid = p."Id" WHERE "SharedPracticeSearch" MATCH {words}""")
            .ToListAsync()).ToLookup(m => m.LeagueId, m => m.Id);
        Assert.True(matches.Count >= 2, $"the words match practices of {matches.Count} League(s): the test needs two");
        foreach (var league in await db.Leagues.Select(l => l.Id).ToListAsync())
        {
            var found = await Leagues.PracticeSearch.InLeague(db, league, BenchTargets.PracticeWords).Select(p => p.Id).OrderBy(id => id).ToListAsync();
            Assert.Equal([.. matches[league].Order()], found);
        }
    }

    private sealed class MatchedPractice
    {
        public int LeagueId { get; set; }
        public int Id { get; set; }
    }

    [Fact]
    public async Task The_baseline_pages_the_district_list_as_GraphQL_does()
    {
        var operation = data.Targets.Reads.Single(o => o.Name == BenchOperation.DistrictList);
        string? cursor = null;
        var pages = 0;
        do
        {
            var graphQL = await GraphQLAsync(operation, new JsonObject { ["after"] = cursor });
            Assert.True(JsonNode.DeepEquals(graphQL, await BaselineAsync(operation, cursor)), $"page {++pages}");
            cursor = graphQL!["districts"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? graphQL["districts"]!["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        } while (cursor is not null);
        Assert.True(pages >= 2, $"{pages} page(s): too few to compare cursors");
    }
}
