using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins.Testing;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;

namespace ConsortiumGraph.Tests;

/// <summary>A repeated document skips parsing and validation, but never the checks that depend on the caller or the variables.</summary>
public sealed class DocumentCacheTests
{
    private static DocumentCache CacheOf(PluginTestHost host) => host.Services.GetServices<IConfigureExecution>().OfType<DocumentCache>().Single();

    [Fact]
    public async Task A_repeated_document_is_parsed_and_validated_once()
    {
        await using var host = new PluginTestHost();
        const string query = "query($code: String!) { district(code: $code) { name enrollment } }";
        var first = await host.QueryAsync(query, new { code = "5000310" });
        var before = CacheOf(host).Counts;
        var second = await host.QueryAsync(query, new { code = "5000420" });
        var after = CacheOf(host).Counts;
        Assert.Equal("Riverside Valley Unified School District", first.GetProperty("district").GetProperty("name").GetString());
        Assert.Equal("Maple Ridge School District", second.GetProperty("district").GetProperty("name").GetString());
        Assert.Equal((before.Hits + 1, before.Misses), after);
    }

    [Fact]
    public async Task A_cached_document_still_checks_who_may_read_its_fields()
    {
        await using var host = new PluginTestHost();
        // Members may read a district's data system; once the document is cached, an anonymous caller still may not.
        const string query = "{ district(code: \"5000310\") { name dataSystem } }";
        await host.QueryAsync(query, token: await host.TokenAsync("staff-5000310"));
        var (status, body) = await host.SendAsync(query, token: PluginTestHost.Anonymous);
        Assert.Contains("NOT_AUTHORIZED", body);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.True(CacheOf(host).Counts.Hits >= 1);
    }

    [Fact]
    public async Task A_cached_document_still_checks_complexity_for_its_variables()
    {
        await using var host = new PluginTestHost { Settings = new Dictionary<string, string> { ["GraphQL:Limits:MaxComplexity"] = "500" } };
        const string query = "query($n: Int) { districts(first: $n) { nodes { name schools(first: $n) { nodes { name } } } } }";
        var (okStatus, okBody) = await host.SendAsync(query, new { n = 2 });
        Assert.Equal(System.Net.HttpStatusCode.OK, okStatus);
        Assert.DoesNotContain("errors", okBody);
        var (_, body) = await host.SendAsync(query, new { n = 100 });
        Assert.Contains("complexity", body, StringComparison.OrdinalIgnoreCase);
        Assert.True(CacheOf(host).Counts.Hits >= 1);
    }

    [Fact]
    public async Task Get_requests_use_the_cache_too()
    {
        await using var host = new PluginTestHost();
        using var client = host.CreateClient();
        const string url = "/graphql?query=%7B%20consortia%20%7B%20name%20%7D%20%7D";
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var before = CacheOf(host).Counts;
        var second = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Northern New England", await second.Content.ReadAsStringAsync());
        Assert.Equal((before.Hits + 1, before.Misses), CacheOf(host).Counts);
    }

    [Fact]
    public async Task A_document_that_fails_validation_is_not_kept()
    {
        await using var host = new PluginTestHost();
        const string query = "{ consortia { noSuchField } }";
        var before = CacheOf(host).Counts;
        for (var i = 0; i < 2; i++)
        {
            var (status, body) = await host.SendAsync(query);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
            Assert.Contains("FIELDS_ON_CORRECT_TYPE", body);
        }
        Assert.Equal((before.Hits, before.Misses + 2), CacheOf(host).Counts);
    }

    [Fact]
    public async Task Size_zero_turns_the_cache_off()
    {
        await using var host = new PluginTestHost { Settings = new Dictionary<string, string> { ["GraphQL:DocumentCache:MaxDocuments"] = "0" } };
        for (var i = 0; i < 2; i++) await host.QueryAsync("{ consortia { name } }");
        Assert.Equal((0L, 0L), CacheOf(host).Counts);
    }
}
