using ConsortiumGraph.Data;
using ConsortiumGraph.Plugins.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConsortiumGraph.Tests;

/// <summary>The benchmark data set: its proportions at any scale, the same data for the same seed, and an empty database required.</summary>
public sealed class ScaleDataTests
{
    private static PluginTestHost EmptyHost() => new() { Settings = new Dictionary<string, string> { ["Database:SeedDemoData"] = "false" } };

    private static async Task<(ScaleReport Report, string Fingerprint)> Generate(PluginTestHost host, int seed)
    {
        _ = host.Server;
        var report = await ScaleData.GenerateAsync(host.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>(), 0.002, seed);
        await using var db = host.OpenDatabase();
        var districts = await db.Districts.OrderBy(d => d.Code).Select(d => d.Code + d.State + d.Enrollment + d.Locale).ToListAsync();
        var values = await db.IndicatorValues.SumAsync(v => v.Value);
        return (report, string.Join(",", districts) + values);
    }

    [Fact]
    public async Task A_small_scale_has_the_national_proportions_and_a_seed_gives_the_same_data()
    {
        await using var first = EmptyHost();
        await using var second = EmptyHost();
        var (report, fingerprint) = await Generate(first, 7);
        Assert.Equal(4, report.Counts["Consortium"]);        // 2,000 x 0.002
        Assert.Equal(30, report.Counts["District"]);         // 15,000 x 0.002
        Assert.Equal(80, report.Counts["Partnership"]);      // 40,000 x 0.002
        Assert.Equal(30 * 8 * 16, report.Counts["IndicatorValue"]); // 8 indicators x 16 periods per district
        Assert.InRange(report.Counts["Commitment"], 800, 1_200); // ~500,000 x 0.002
        Assert.InRange(report.Counts["School"], 100, 300);   // ~100,000 x 0.002
        Assert.Equal(report.Rows, report.Counts.Values.Sum());
        Assert.Equal(fingerprint, (await Generate(second, 7)).Fingerprint);

        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => ScaleData.GenerateAsync(first.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>(), 0.002, 7));
        Assert.Contains("empty", again.Message);
    }
}
