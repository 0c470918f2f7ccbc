using System.Text.Json;
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
        var plugin = Path.Combine(_work, "plugins", "Northfield");
        var (source, _) = await CreatePluginAsync("Northfield", "northfield", "2300150");
        string[] restore = ["--packages", Path.Combine(_work, "packages"), $"-p:RestoreAdditionalProjectFallbackFolders={GlobalPackages}"];
        await BuiltServer.RunToEndAsync("dotnet", _work, ["build", source, "-o", plugin, "-nologo", .. restore]);
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

    [Fact]
    public async Task The_template_starts_a_plugin_with_passing_tests_on_the_packed_test_kit_for_a_district_the_demo_lacks()
    {
        // A district code the demo consortium does not have: the kit adds it as a member, so the author's first test passes.
        var (source, version) = await CreatePluginAsync("Harbor", "harbor", "2399990");
        var tests = await BuiltServer.RunToEndAsync("dotnet", _work, "test", Path.Combine(source, "Harbor.Tests"), "-nologo",
            $"-p:RestorePackagesPath={Path.Combine(_work, "packages")}", $"-p:RestoreAdditionalProjectFallbackFolders={GlobalPackages}");
        Assert.Contains("Passed!", tests.Output);
        Assert.Contains("Passed:     2", tests.Output);
        // The kit came from the feed, bundling the server; the plugin's build output still ships no SDK of its own.
        Assert.True(Directory.Exists(Path.Combine(_work, "packages", "consortiumgraph.plugins.testing", version)));
        Assert.False(File.Exists(Path.Combine(source, "bin", "Debug", "net10.0", "ConsortiumGraph.Plugins.Sdk.dll")));
    }

    [Fact]
    public void The_templates_default_sdk_version_is_the_sdks()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(Repository.File("templates", "ConsortiumGraph.Plugin", ".template.config", "template.json")));
        Assert.Equal(Plugins.PluginSdk.Version.ToString(3), template.RootElement.GetProperty("symbols").GetProperty("sdkVersion").GetProperty("defaultValue").GetString());
    }

    /// <summary>
    /// Packs the SDK and the test kit into a local feed and creates a plugin from the template against them, as a plugin
    /// author does; the folder gets a nuget.config naming the feed and the public registry, as the author's machine has them.
    /// </summary>
    private async Task<(string Source, string Version)> CreatePluginAsync(string name, string key, string district)
    {
        var feed = Path.Combine(_work, "feed");
        var hive = Path.Combine(_work, "hive");
        var source = Path.Combine(_work, "src", name);
        // A version of this run's own, so no package cached by an earlier run stands in for the SDK and kit just packed.
        var version = $"{Plugins.PluginSdk.Version.ToString(3)}-template.{Guid.NewGuid():N}";
        foreach (var project in new[] { "ConsortiumGraph.Plugins.Sdk", "ConsortiumGraph.Plugins.Testing" })
            await BuiltServer.RunToEndAsync("dotnet", Path.GetTempPath(), "pack", Repository.File("src", project), "--no-build", "-c", Configuration, "-o", feed, $"-p:PackageVersion={version}", "-nologo");
        await BuiltServer.RunToEndAsync("dotnet", Path.GetTempPath(), "new", "install", Repository.File("templates", "ConsortiumGraph.Plugin"), "--debug:custom-hive", hive);
        await BuiltServer.RunToEndAsync("dotnet", Path.GetTempPath(), "new", "consortiumgraph-plugin", "-n", name, "--key", key, "--districtCode", district,
            "--sdkVersion", version, "-o", source, "--debug:custom-hive", hive);
        // Restores use a package folder of this run's own (see the callers), falling back to the machine's cache for what the registry serves.
        File.WriteAllText(Path.Combine(_work, "nuget.config"), $"""
            <configuration>
              <packageSources><clear /><add key="local" value="{feed}" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
            </configuration>
            """);
        return (source, version);
    }

    private static string GlobalPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }
}
