using ConsortiumGraph.Tests.Infrastructure;
using ConsortiumGraph.Plugins;
using ConsortiumGraph.Plugins.Testing;
using MapleRidge;
using Riverside;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>The test kit as a plugin author uses it: plugin instances in process, no build or plugins folder.</summary>
public sealed class TestKitTests
{
    /// <summary>Speaks for every demo district and counts how often the host calls its computed field.</summary>
    private sealed class CountingPlugin(IReadOnlyList<string> districts) : IDistrictPlugin
    {
        public int Calls;
        public int Entities;

        public PluginManifest Manifest { get; } = new() { Key = "counting", Districts = districts, Version = "1.0.0", Description = "Counts compute calls." };

        public void Register(PluginBuilder plugin) => plugin.District.Computed("enrollmentBand", LocalFieldType.String, "Small, medium or large.", (batch, _) =>
        {
            Interlocked.Increment(ref Calls);
            Interlocked.Add(ref Entities, batch.Count);
            return Task.FromResult<IReadOnlyList<object?>>(batch.Select(d => (object?)(d.Entity.Enrollment switch { < 1000 => "small", < 3000 => "medium", _ => "large" })).ToList());
        });
    }

    [Fact]
    public async Task A_computed_field_is_called_once_for_a_whole_list()
    {
        string[] codes = ["5000310", "5000420", "5000530", "5000640", "3300710", "3300820", "3300930", "3301040", "2300150", "2300260", "2300370", "2300480"];
        var counting = new CountingPlugin(codes);
        await using var host = new PluginTestHost(counting);
        var districts = (await host.QueryAsync("{ districts(first: 100) { nodes { code enrollment local { counting { enrollmentBand } } } } }"))
            .GetProperty("districts").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(Demo.Districts, districts.Count);
        Assert.Equal(1, counting.Calls);
        Assert.Equal(12, counting.Entities); // the plugin's twelve; the League's two outside districts are not its
        districts = [.. districts.Where(d => codes.Contains(d.GetProperty("code").GetString()))];
        Assert.All(districts, d => Assert.Equal(d.GetProperty("enrollment").GetInt32() < 1000 ? "small" : d.GetProperty("enrollment").GetInt32() < 3000 ? "medium" : "large",
            d.GetProperty("local").GetProperty("counting").GetProperty("enrollmentBand").GetString()));
    }

    [Fact]
    public async Task Plugin_instances_get_the_same_fields_and_rules_as_built_plugins()
    {
        await using var host = new PluginTestHost(new RiversidePlugin(), new MapleRidgePlugin());
        var plugins = (await host.QueryAsync("{ plugins { key loaded source } }")).GetProperty("plugins").EnumerateArray().ToList();
        Assert.Equal(["Riverside.RiversidePlugin", "MapleRidge.MapleRidgePlugin"], plugins.Select(p => p.GetProperty("source").GetString()));
        var payload = (await host.QueryAsync($"mutation($input: CreateCommitmentInput!) {{ createCommitment(input: $input, dryRun: true) {{ commitment {{ id }} {Errors} }} }}", new
        {
            input = new { partnershipId = await host.PartnershipIdAsync("AP Physics by Video Link"), districtId = await host.DistrictIdAsync(MapleRidgePlugin.DistrictCode), title = "Teach AP Physics", staffFte = 0.75 },
        })).GetProperty("createCommitment");
        AssertPluginViolation(payload, "mapleRidge", "SHARED_STAFF_FTE_CAP", "input", "staffFte");
    }
}
