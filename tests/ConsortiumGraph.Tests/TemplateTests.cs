using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// A district developer's path, run for real: pack the SDK, create a plugin from the template, build
/// it, validate it with the server's command, and load it into a server where its rule applies.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"consortiumgraph-template-{Guid.NewGuid():N}");
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_template_builds_a_plugin_that_validates_loads_and_enforces_its_rule()
    {
        var feed = Path.Combine(_work, "feed");
        var hive = Path.Combine(_work, "hive");
        var plugin = Path.Combine(_work, "plugins", "Northfield");
        await BuiltServer.RunToEndAsync("dotnet", Path.GetTempPath(), "pack", Repository.File("src", "ConsortiumGraph.Plugins.Sdk"), "--no-build", "-c", Configuration, "-o", feed, "-nologo");
        await BuiltServer.RunToEndAsync("dotnet", Path.GetTempPath(), "new", "install", Repository.File("templates", "ConsortiumGraph.Plugin"), "--debug:custom-hive", hive);
        await BuiltServer.RunToEndAsync("dotnet", Path.GetTempPath(), "new", "consortiumgraph-plugin", "-n", "Northfield", "--key", "northfield", "--districtCode", "2300150",
            "-o", Path.Combine(_work, "src", "Northfield"), "--debug:custom-hive", hive);
        // Only the local feed, and a package folder of its own: nothing cached from elsewhere stands in for the SDK just packed.
        await BuiltServer.RunToEndAsync("dotnet", Path.GetTempPath(), "build", Path.Combine(_work, "src", "Northfield"), "-o", plugin, "--source", feed, "--packages", Path.Combine(_work, "packages"), "-nologo");
        Assert.True(File.Exists(Path.Combine(plugin, "Northfield.dll")));
        Assert.False(File.Exists(Path.Combine(plugin, "ConsortiumGraph.Plugins.Sdk.dll")), "the plugin must not ship its own copy of the SDK");

        var validation = await BuiltServer.RunToEndAsync("dotnet", Path.GetTempPath(), Path.Combine(AppContext.BaseDirectory, "ConsortiumGraph.Server.dll"), "plugins", "validate", plugin,
            $"--ConnectionStrings:Consortium=Data Source={Path.Combine(_work, "validate.db")}");
        Assert.Contains($"ok       northfield 0.1.0 (SDK {Plugins.PluginSdk.Version.ToString(3)}) for 2300150: local fields: 2, rules: 1", validation.Error);
        Assert.Contains("type NorthfieldCommitmentFields {", validation.Output);

        await using var host = new PluginTestHost { PluginsPath = Path.Combine(_work, "plugins") };
        var status = (await host.QueryAsync("{ plugins { key loaded reason } }")).GetProperty("plugins")[0];
        Assert.Equal("northfield", status.GetProperty("key").GetString());
        Assert.True(status.GetProperty("loaded").GetBoolean(), status.ToString());
        var commitment = (await host.QueryAsync($"mutation($input: CreateCommitmentInput!) {{ createCommitment(input: $input) {{ commitment {{ id }} {Errors} }} }}", new
        {
            input = new { partnershipId = await host.PartnershipIdAsync("Regional Bus and Fuel Purchasing"), districtId = await host.DistrictIdAsync("2300150"), title = "Fuel", dollars = 5000 },
        })).GetProperty("createCommitment");
        AssertPluginViolation(commitment, "northfield", "PROGRAM_CODE_REQUIRED", "input", "local");
    }

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }
}
