using System.Net;
using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Plugins;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// A server that requires approval: the samples (approved with the demo data), a build of Hotswap
/// (3300930, Northern only) awaiting approval, and a build whose manifest is bad.
/// </summary>
public sealed class PluginApprovalTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-approval-{Guid.NewGuid():N}");
    private PluginTestHost _host = null!;
    private string Hotswap => Path.Combine(_folder, "Hotswap");

    public Task InitializeAsync()
    {
        foreach (var sample in Directory.GetDirectories(ConsortiumServer.BuiltPlugins()))
            MixedPluginsServer.CopyFolder(sample, Path.Combine(_folder, Path.GetFileName(sample)));
        MixedPluginsServer.CopyFolder(Path.Combine(ConsortiumServer.BuiltPlugins("hotswap"), "V1"), Hotswap);
        MixedPluginsServer.CopyFolder(Path.Combine(ConsortiumServer.BuiltPlugins("hostile-plugins"), "BadManifest"), Path.Combine(_folder, "BadManifest"));
        _host = new PluginTestHost { PluginsPath = _folder, RequirePluginApproval = true, WatchPlugins = true };
        _ = _host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string NorthernAdmin => _host.TokenFor("consortium-admin", consortia: [GlobalId.Encode("Consortium", 1)]);

    private async Task<Dictionary<string, JsonElement>> PluginsAsync() =>
        (await _host.QueryAsync("{ plugins { key source state loaded reason sha256 approval } }")).GetProperty("plugins").EnumerateArray()
            .ToDictionary(p => p.GetProperty("source").GetString()!);

    private async Task<JsonElement> ApproveAsync(string sha256, string? token = null, bool dryRun = false, string mutation = "approvePlugin") =>
        (await _host.QueryAsync($"mutation($input: {(mutation == "approvePlugin" ? "ApprovePluginInput" : "RevokePluginApprovalInput")}!, $dryRun: Boolean!) {{ {mutation}(input: $input, dryRun: $dryRun) {{ pluginApproval {{ key version districts sha256 approvedBy }} {Errors} }} }}",
            new { input = new { key = "hotswap", sha256 }, dryRun }, token ?? NorthernAdmin)).GetProperty(mutation);

    private async Task<HttpStatusCode> HotswapFieldAsync() =>
        (await _host.SendAsync("{ district(code: \"3300930\") { local { hotswap { build } } } }")).Status;

    private async Task WaitForGeneration(int generation)
    {
        for (var i = 0; i < 200 && _host.Schema.Generation < generation; i++) await Task.Delay(100);
        Assert.True(_host.Schema.Generation >= generation, "the plugins folder change was not picked up within 20 s");
    }

    [Fact]
    public async Task An_unapproved_build_does_not_run_until_an_admin_of_its_districts_approves_it_and_a_changed_file_makes_it_pending_again()
    {
        var sha256 = PluginBuild.Sha256(Hotswap);
        var plugins = await PluginsAsync();
        Assert.Equal("PENDING_APPROVAL", plugins["Hotswap"].GetProperty("state").GetString());
        Assert.Equal(sha256, plugins["Hotswap"].GetProperty("sha256").GetString());
        Assert.Equal("SERVING", plugins["Riverside"].GetProperty("state").GetString());
        Assert.Contains("demo data", plugins["Riverside"].GetProperty("approval").GetString());
        // A bad manifest is refused before Register runs (this one's Register throws "Register ran ...").
        Assert.Equal("REJECTED", plugins["BadManifest"].GetProperty("state").GetString());
        Assert.Contains("is not a valid namespace", plugins["BadManifest"].GetProperty("reason").GetString());
        Assert.DoesNotContain("Register ran", plugins["BadManifest"].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, await HotswapFieldAsync()); // its fields are not in the schema

        // Staff cannot approve; an admin of another consortium cannot approve for a district outside it; a hash names one build.
        var (_, staff) = await _host.SendAsync("""mutation { approvePlugin(input: { key: "hotswap", sha256: "00" }) { errors { code } } }""", token: await _host.TokenAsync("staff-5000310"));
        Assert.Contains("NOT_AUTHORIZED", staff);
        AssertError(await ApproveAsync(sha256, _host.TokenFor("consortium-admin", consortia: [GlobalId.Encode("Consortium", 2)])), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "key");
        AssertError(await ApproveAsync(new string('a', 64)), "ValidationError", "NOT_FOUND", "input", "sha256");
        AssertError(await ApproveAsync("not a hash"), "ValidationError", "INVALID_SHA256", "input", "sha256");
        AssertOk(await ApproveAsync(sha256, dryRun: true));
        Assert.Equal("PENDING_APPROVAL", (await PluginsAsync())["Hotswap"].GetProperty("state").GetString());

        // Approved: it serves at once, without a restart.
        var approved = await ApproveAsync(sha256);
        AssertOk(approved);
        Assert.Equal(["3300930"], approved.GetProperty("pluginApproval").GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("1.0.0", approved.GetProperty("pluginApproval").GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.OK, await HotswapFieldAsync());
        Assert.Equal("SERVING", (await PluginsAsync())["Hotswap"].GetProperty("state").GetString());
        AssertError(await ApproveAsync(sha256), "ValidationError", "ALREADY_APPROVED", "input", "sha256");

        // One changed file is another build: pending again.
        var generation = _host.Schema.Generation;
        await File.WriteAllTextAsync(Path.Combine(Hotswap, "extra.json"), "{}");
        await WaitForGeneration(generation + 1);
        var changed = (await PluginsAsync())["Hotswap"];
        Assert.Equal("PENDING_APPROVAL", changed.GetProperty("state").GetString());
        Assert.NotEqual(sha256, changed.GetProperty("sha256").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, await HotswapFieldAsync());

        // Revoking the new build's approval stops it again.
        var rebuilt = PluginBuild.Sha256(Hotswap);
        AssertOk(await ApproveAsync(rebuilt));
        Assert.Equal(HttpStatusCode.OK, await HotswapFieldAsync());
        AssertOk(await ApproveAsync(rebuilt, mutation: "revokePluginApproval"));
        Assert.Equal(HttpStatusCode.BadRequest, await HotswapFieldAsync());
        AssertError(await ApproveAsync(rebuilt, mutation: "revokePluginApproval"), "ValidationError", "NOT_FOUND", "input", "sha256");
    }

    [Fact]
    public async Task Fifty_admins_approving_one_build_at_once_make_one_approval()
    {
        var sha256 = PluginBuild.Sha256(Hotswap);
        var payloads = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => ApproveAsync(sha256))));
        Assert.Single(payloads, p => p.GetProperty("errors").GetArrayLength() == 0);
        Assert.All(payloads.Where(p => p.GetProperty("errors").GetArrayLength() > 0),
            p => Assert.Contains(p.GetProperty("errors")[0].GetProperty("code").GetString(), new[] { "ALREADY_APPROVED", "CONFLICT" }));
        await using var db = _host.OpenDatabase();
        Assert.Equal(1, await db.PluginApprovals.CountAsync(a => a.Key == "hotswap"));
        Assert.Equal(HttpStatusCode.OK, await HotswapFieldAsync());
    }
}

/// <summary>A plugin's stored fields on a shared partnership are its own district's to write, not every member's.</summary>
public sealed class LocalFieldOwnershipTests
{
    private sealed class RiversideRoutes : IDistrictPlugin
    {
        public PluginManifest Manifest { get; } = new() { Key = "riversideRoutes", Districts = ["5000310"], Version = "1.0.0", Description = "Riverside's bus routes." };

        public void Register(PluginBuilder plugin) => plugin.Partnership.Stored("busRoute", LocalFieldType.String, "The Riverside bus route that serves the partnership.");
    }

    [Fact]
    public async Task Another_member_of_a_shared_partnership_cannot_write_a_districts_plugin_fields_on_it()
    {
        await using var host = new PluginTestHost(new RiversideRoutes());
        int shared;
        await using (var db = host.OpenDatabase())
            shared = await db.Partnerships.Where(p => p.Members.Any(m => m.District.Code == "5000310") && p.Members.Any(m => m.District.Code == "5000420"))
                .Select(p => p.Id).FirstAsync();
        async Task<JsonElement> Write(string user, string route) => (await host.QueryAsync(
            $"mutation($input: SetLocalFieldsInput!) {{ setLocalFields(input: $input) {{ {Errors} }} }}",
            new { input = new { id = GlobalId.Encode("Partnership", shared), plugin = "riversideRoutes", values = new { busRoute = route } } }, await host.TokenAsync(user)))
            .GetProperty("setLocalFields");

        AssertError(await Write("staff-5000420", "Maple Ridge's idea"), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "plugin");
        await using (var db = host.OpenDatabase())
            Assert.False(await db.LocalFieldValues.AnyAsync(v => v.Plugin == "riversideRoutes"));
        AssertOk(await Write("staff-5000310", "Route 12"));
        AssertOk(await Write("consortium-admin", "Route 14"));
    }
}
