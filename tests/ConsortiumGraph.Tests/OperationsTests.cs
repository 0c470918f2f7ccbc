using System.Net;
using System.Text.Json;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ConsortiumGraph.Tests;

/// <summary>What operators rely on: liveness, readiness that reflects the database and the plugins, and the SDL export.</summary>
public sealed class OperationsTests(MixedPluginsServer mixed) : IClassFixture<MixedPluginsServer>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Get(PluginTestHost host, string path)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Readiness_reports_the_database_and_every_plugin_and_fails_when_the_database_is_gone()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-health-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "consortium.db");
        await using var host = new PluginTestHost { PluginsPath = ConsortiumServer.BuiltPlugins(), Settings = new Dictionary<string, string> { ["ConnectionStrings:Consortium"] = $"Data Source={file}" } };
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await Get(host, "/health/live")).Status);
            var (status, ready) = await Get(host, "/health/ready");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
            Assert.Equal(["mapleRidge 1.1.0", "riverside 1.4.0"], ready.GetProperty("checks").GetProperty("plugins").GetProperty("data").GetProperty("loaded").EnumerateArray().Select(p => p.GetString()).Order());

            // The database goes away (its file is removed): readiness fails, liveness does not.
            SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(folder)) File.Delete(f);
            (status, ready) = await Get(host, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            Assert.StartsWith("The database does not answer", ready.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
            Assert.Equal(HttpStatusCode.OK, (await Get(host, "/health/live")).Status);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_rejected_plugin_degrades_readiness_and_names_the_reason()
    {
        var (status, ready) = await Get(mixed, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status); // degraded still serves: the core and the working plugins are up
        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        Assert.Contains(ready.GetProperty("checks").GetProperty("plugins").GetProperty("data").GetProperty("rejected").EnumerateArray(),
            r => r.GetString()!.StartsWith("ThrowsAtLoad: The plugin threw while registering"));
    }

    [Fact]
    public async Task Schema_export_writes_the_committed_core_and_composed_sdl_without_a_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-export-{Guid.NewGuid():N}");
        try
        {
            await BuiltServer.RunToEndAsync("dotnet", AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "ConsortiumGraph.Server.dll"), "schema", "export",
                "--out", folder, "--Database:Provider=PostgreSql", "--ConnectionStrings:Consortium=Host=127.0.0.1;Port=1;Timeout=1");
            Assert.Equal(await File.ReadAllTextAsync(Repository.File("schema", "consortium.graphql")), await File.ReadAllTextAsync(Path.Combine(folder, "consortium.graphql")));
            // The built server's own plugins folder holds the sample plugins.
            Assert.Equal(await File.ReadAllTextAsync(Repository.File("schema", "consortium.composed.graphql")), await File.ReadAllTextAsync(Path.Combine(folder, "consortium.composed.graphql")));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
