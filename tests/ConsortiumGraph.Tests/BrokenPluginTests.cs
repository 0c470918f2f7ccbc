using System.Text.Json;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>The samples beside real builds of broken plugins, in one plugins folder, as a careless deployment would leave it.</summary>
public sealed class MixedPluginsServer : ConsortiumServer
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-mixed-plugins-{Guid.NewGuid():N}");

    public MixedPluginsServer()
    {
        foreach (var root in new[] { BuiltPlugins(), BuiltPlugins("broken-plugins") })
            foreach (var plugin in Directory.GetDirectories(root))
                CopyFolder(plugin, Path.Combine(_folder, Path.GetFileName(plugin)));
        PluginsPath = _folder;
    }

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>A plugin that fails to load, fails composition or throws while serving is reported, and the core and the other plugins keep serving.</summary>
public sealed class BrokenPluginTests(MixedPluginsServer server) : IClassFixture<MixedPluginsServer>
{
    private async Task<Dictionary<string, JsonElement>> Plugins() =>
        (await server.QueryAsync("{ plugins { key source loaded reason } }")).GetProperty("plugins").EnumerateArray()
            .ToDictionary(p => p.GetProperty("source").GetString()!);

    [Fact]
    public async Task Each_broken_plugin_is_rejected_with_a_reason_a_developer_can_act_on()
    {
        var plugins = await Plugins();
        Assert.Equal(["Colliding", "Faulty", "FutureSdk", "MapleRidge", "Riverside", "ThrowsAtLoad"], plugins.Keys.Order());
        foreach (var loaded in new[] { "Riverside", "MapleRidge", "Faulty" })
            Assert.True(plugins[loaded].GetProperty("loaded").GetBoolean(), plugins[loaded].ToString());

        string Reason(string source)
        {
            Assert.False(plugins[source].GetProperty("loaded").GetBoolean());
            return plugins[source].GetProperty("reason").GetString()!;
        }
        Assert.Contains("threw while registering (InvalidOperationException: configuration file local.json not found)", Reason("ThrowsAtLoad"));
        Assert.Contains($"built against ConsortiumGraph.Plugins.Sdk 2.0.0, but this server runs SDK {ConsortiumGraph.Plugins.PluginSdk.Version.ToString(3)}: rebuild it against SDK 1.x", Reason("FutureSdk"));
        Assert.Contains("The field `enrollment` on District collides with the core field District.enrollment", Reason("Colliding"));
        Assert.Equal("colliding", plugins["Colliding"].GetProperty("key").GetString());
    }

    [Fact]
    public async Task The_core_and_the_working_plugins_keep_serving()
    {
        var data = await server.QueryAsync("""
            { riverside: district(code: "5000310") { name local { _plugins riverside { nextBoardMeeting } } }
              mapleRidge: district(code: "5000420") { local { mapleRidge { attendanceRate } } }
              consortia { name } }
            """);
        Assert.Equal("Riverside Valley Unified School District", data.GetProperty("riverside").GetProperty("name").GetString());
        Assert.Equal(["faulty", "mapleRidge", "riverside"], data.GetProperty("riverside").GetProperty("local").GetProperty("_plugins").EnumerateArray().Select(k => k.GetString()).Order());
        Assert.Equal(JsonValueKind.Object, data.GetProperty("mapleRidge").GetProperty("local").GetProperty("mapleRidge").ValueKind);
        var (status, body) = await server.SendAsync("{ district(code: \"5000640\") { local { colliding { enrollment } } } }");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status); // the rejected plugin's namespace is not in the schema
        Assert.Contains("FIELDS_ON_CORRECT_TYPE", body);
    }

    [Fact]
    public async Task A_computed_field_that_throws_is_an_error_on_that_field_only()
    {
        var (status, body) = await server.SendAsync("""
            { districts(first: 100, where: { state: ["NH"] }) { nodes { code name local { faulty { note riskScore } riverside { nextBoardMeeting } } } } }
            """);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var response = JsonDocument.Parse(body).RootElement;
        var graniteFalls = response.GetProperty("data").GetProperty("districts").GetProperty("nodes").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "3300710");
        Assert.Equal("Granite Falls School District", graniteFalls.GetProperty("name").GetString());
        var faulty = graniteFalls.GetProperty("local").GetProperty("faulty");
        Assert.Equal(JsonValueKind.Null, faulty.GetProperty("riskScore").ValueKind);
        Assert.Equal(JsonValueKind.Null, faulty.GetProperty("note").ValueKind); // resolved: no value stored
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal("PLUGIN_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("riskScore", error.GetProperty("path").EnumerateArray().Last().GetString());
        Assert.DoesNotContain("risk model unavailable", body); // the exception is logged, not sent
    }

    [Fact]
    public async Task The_kit_shows_a_failed_request_what_the_server_logged_and_the_caller_never_sees()
    {
        var failure = await Assert.ThrowsAsync<ConsortiumGraph.Plugins.Testing.PluginTestException>(() =>
            server.QueryAsync("""{ districts(first: 100, where: { state: ["NH"] }) { nodes { local { faulty { riskScore } } } } }"""));
        Assert.Contains("PLUGIN_FAILED", failure.Message);
        Assert.Contains("logged by the server:", failure.Message);
        Assert.Contains("risk model unavailable", failure.Message);
    }

    [Fact]
    public async Task An_indicator_value_taken_from_a_throwing_plugin_field_is_a_typed_error_and_stores_nothing()
    {
        await using var db = server.OpenDatabase();
        var before = await db.IndicatorValues.CountAsync();
        var payload = (await server.QueryAsync($"mutation($input: ReportIndicatorValuesInput!) {{ reportIndicatorValues(input: $input) {{ values {{ value }} {Errors} }} }}", new
        {
            input = new
            {
                districtId = await server.DistrictIdAsync("3300710"), period = "2026-27",
                values = new[] { new { indicator = "ATTENDANCE_RATE", studentCount = 100, fromLocalField = new { plugin = "faulty", field = "riskScore" } } },
            },
        })).GetProperty("reportIndicatorValues");
        var error = AssertPluginViolation(payload, "faulty", "PLUGIN_FAILED", "input", "values", "0", "fromLocalField");
        Assert.DoesNotContain("risk model unavailable", error.GetProperty("message").GetString()); // logged, not sent
        Assert.Equal(before, await db.IndicatorValues.CountAsync());
    }

    [Fact]
    public async Task A_rule_that_throws_blocks_its_mutation_with_a_typed_error_and_stores_nothing()
    {
        await using var db = server.OpenDatabase();
        var before = await db.Commitments.CountAsync();
        var payload = (await server.QueryAsync($"mutation($input: CreateCommitmentInput!) {{ createCommitment(input: $input) {{ commitment {{ id }} {Errors} }} }}", new
        {
            input = new { partnershipId = await server.PartnershipIdAsync("Rural Math Teacher Network"), districtId = await server.DistrictIdAsync("3300710"), title = "Host the spring session" },
        })).GetProperty("createCommitment");
        var error = AssertPluginViolation(payload, "faulty", "PLUGIN_FAILED");
        Assert.Contains("rule ALWAYS_THROWS failed", error.GetProperty("message").GetString());
        Assert.Equal(before, await db.Commitments.CountAsync());
        // Another district's commitment in the same partnership is not Faulty's business.
        AssertOk((await server.QueryAsync($"mutation($input: CreateCommitmentInput!) {{ createCommitment(input: $input) {{ commitment {{ id }} {Errors} }} }}", new
        {
            input = new { partnershipId = await server.PartnershipIdAsync("Rural Math Teacher Network"), districtId = await server.DistrictIdAsync("2300260"), title = "Host the spring session" },
        })).GetProperty("createCommitment"));
    }
}
