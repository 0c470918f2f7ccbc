using ConsortiumGraph.Data;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConsortiumGraph.Tests;

/// <summary>The benchmark data set: its proportions at any scale, the same data for the same seed, and an empty database required.</summary>
public sealed class ScaleDataTests : IPostgreSqlSuite
{
    private static PluginTestHost EmptyHost() => new() { Settings = new Dictionary<string, string> { ["Database:SeedDemoData"] = "false" } };

    private static async Task<(ScaleReport Report, string Fingerprint)> Generate(PluginTestHost host, int seed)
    {
        _ = host.Server;
        var report = await ScaleData.GenerateAsync(host.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>(), 0.002, seed);
        await using var db = host.OpenDatabase();
        var districts = await db.Districts.OrderBy(d => d.Code).Select(d => d.Code + d.State + d.Enrollment + d.Locale).ToListAsync();
        // Rounded: the databases add up doubles in their own order.
        var values = Math.Round(await db.IndicatorValues.SumAsync(v => v.Value), 3);
        // What the keys tie together: each commitment's district and partnership, each vote's decision.
        var links = await db.Commitments.OrderBy(c => c.Id).Select(c => c.District.Code + c.Partnership.Name + c.Title).ToListAsync();
        var votes = await db.Votes.OrderBy(v => v.Id).Select(v => v.Decision.Partnership.Name + v.District.Code).ToListAsync();
        // The grants' books and the League: each amount's grant, each rating's school, dimension and day.
        var books = (await db.Expenditures.OrderBy(e => e.Id).Select(e => new { e.Grant.Partnership.Name, e.SpentOn, e.Amount, e.FundedBy, e.DistrictId }).ToListAsync())
            .Select(e => $"{e.Name}{e.SpentOn:yyyyMMdd}{e.Amount}{e.FundedBy}{e.DistrictId}");
        var ratings = (await db.DimensionRatings.OrderBy(r => r.Id).Select(r => new { r.Assessment.Membership.School.Code, r.Assessment.AssessedOn, r.Dimension.Key, r.Rating }).ToListAsync())
            .Select(r => $"{r.Code}{r.AssessedOn:yyyyMMdd}{r.Key}{r.Rating}");
        var practices = await db.SharedPractices.OrderBy(p => p.Id).Select(p => p.Membership.School.Code + p.Title + p.Summary).ToListAsync();
        // Joint purchasing: each purchase's contract, member, day, quantity and prices.
        var purchases = (await db.PurchaseLines.OrderBy(l => l.Id).Select(l => new { l.Contract!.Vendor.Name, l.District.Code, l.PurchasedOn, l.Quantity, l.ConsortiumUnitPrice, l.StandaloneUnitPrice }).ToListAsync())
            .Select(l => $"{l.Name}{l.Code}{l.PurchasedOn:yyyyMMdd}{l.Quantity}{l.ConsortiumUnitPrice}{l.StandaloneUnitPrice}");
        return (report, string.Join(",", districts) + values + string.Join(",", links) + string.Join(",", votes)
            + string.Join(",", books) + string.Join(",", ratings) + string.Join(",", practices) + string.Join(",", purchases));
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

        // Every grant has books that add up: a budget of the whole award, and drawdowns of spending already made.
        await using (var db = first.OpenDatabase())
        {
            var grants = await db.Grants.Select(g => new
            {
                g.Amount, g.BudgetVersion, Budgeted = g.BudgetLines.Sum(l => l.Amount),
                Spent = g.Expenditures.Where(e => e.FundedBy == Grants.FundingSource.Grant).Sum(e => e.Amount), Drawn = g.Drawdowns.Sum(d => d.Amount),
            }).ToListAsync();
            Assert.NotEmpty(grants);
            Assert.All(grants, g => Assert.Equal((1, g.Amount), (g.BudgetVersion, g.Budgeted)));
            Assert.All(grants, g => Assert.InRange(g.Drawn, 0, g.Spent));
            Assert.True(grants.Sum(g => g.Spent) > 0);
            // One League per ten consortia, with every school flagged as a League member; a school rates every dimension when it assesses itself.
            Assert.Equal(1, report.Counts["League"]);
            Assert.Equal(await db.Schools.CountAsync(s => s.LeagueMember), report.Counts["LeagueMembership"]);
            Assert.Equal(6 * report.Counts["SelfAssessment"], report.Counts["DimensionRating"]);
            Assert.True(report.Counts["SelfAssessment"] > 0);
            // Joint purchasing: every awarded round has one contract at its lowest quote, and every purchase under it is at that price,
            // bought by a member within the term and no later than the data set's day, for less than it would have cost alone.
            var rounds = await db.PurchasingRounds.Where(r => r.Status == Purchasing.PurchasingRoundStatus.Awarded)
                .Select(r => new { Lowest = r.Quotes.Min(q => q.UnitPrice), Contract = r.Contract!.UnitPrice }).ToListAsync();
            Assert.NotEmpty(rounds);
            Assert.All(rounds, r => Assert.Equal(r.Lowest, r.Contract));
            var lines = await db.PurchaseLines.Select(l => new
            {
                l.ConsortiumUnitPrice, Contract = l.Contract!.UnitPrice, l.StandaloneUnitPrice, l.PurchasedOn, l.Contract.StartsOn, l.Contract.EndsOn,
                Member = l.Partnership.Members.Any(m => m.DistrictId == l.DistrictId),
            }).ToListAsync();
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.True(l.Member && l.ConsortiumUnitPrice == l.Contract && l.StandaloneUnitPrice > l.ConsortiumUnitPrice
                && l.PurchasedOn >= l.StartsOn && l.PurchasedOn <= l.EndsOn && l.PurchasedOn <= ScaleData.Today, $"{l}"));
        }

        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => ScaleData.GenerateAsync(first.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>(), 0.002, 7));
        Assert.Contains("empty", again.Message);
    }

    [DatabaseFact]
    public async Task PostgreSQL_takes_the_same_data_by_binary_copy_and_its_keys_continue_after_it()
    {
        await using var sqlite = EmptyHost();
        await using var postgres = new PostgreSqlServer { PluginsPath = null, Settings = new Dictionary<string, string> { ["Database:SeedDemoData"] = "false" } };
        var (expected, fingerprint) = await Generate(sqlite, 11);
        var (report, copied) = await Generate(postgres, 11);
        Assert.Equal(expected.Counts, report.Counts);
        Assert.Equal(fingerprint, copied);

        // The identity sequences were moved past the copied keys: EF Core's next insert gets a fresh key, not a collision.
        await using var db = postgres.OpenDatabase();
        var district = new Districts.District { Code = "9900001", Name = "After the copy", State = "VT", Enrollment = 10 };
        db.Districts.Add(district);
        await db.SaveChangesAsync();
        Assert.Equal(report.Counts["District"] + 1, district.Id);
    }
}
