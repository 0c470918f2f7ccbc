using System.Diagnostics;
using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Plugins;

namespace ConsortiumGraph.Bench;

/// <summary>
/// <c>boundary [--n 3000] [--batch 1]</c>: what one crossing into a plugin runner costs. Starts the
/// Maple Ridge sample in its runner, as the server does, and times its computed attendance rate for a
/// batch of districts, round trip by round trip, with each sandbox mode this machine offers.
/// </summary>
public static class BoundaryProbe
{
    public static async Task<int> RunAsync(int count, int batch)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "plugins", "MapleRidge");
        var log = LoggerFactory.Create(_ => { }).CreateLogger("boundary");
        var district = new DistrictView { Id = "RGlzdHJpY3Q6MQ==", Code = "5000420", Name = "Maple Ridge School District", State = "VT", Locale = Locale.Town, Enrollment = 2450 };
        var stored = new LocalValues(new Dictionary<string, object?> { ["sisAverageDailyAttendance"] = 2267.5m, ["sisAverageDailyMembership"] = 2410m });
        foreach (var mode in new[] { PluginSandboxMode.None, PluginSandboxMode.Bubblewrap })
        {
            var options = new PluginOptions { Sandbox = mode };
            if (PluginSandbox.Create(options, out var problem) is not { } sandbox)
            {
                Console.WriteLine($"{mode}: not available ({problem})");
                continue;
            }
            var (runner, _) = await PluginRunner.StartAsync(folder, options, sandbox, log);
            await using var _ = runner;
            await runner.RegisterAsync();
            var views = Enumerable.Repeat<object>(district, batch).ToList();
            var values = Enumerable.Repeat(stored, batch).ToList();
            var context = new PluginContext(new NoData(), new DateOnly(2026, 10, 1), CancellationToken.None);
            var times = new List<double>();
            for (var i = 0; i < count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await runner.ComputeAsync("District", "attendanceRate", views, values, context);
                if (i >= count / 3) times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                if (result.Count != batch || result[0] is not 94.1m) throw new InvalidOperationException($"The runner answered {result[0]}.");
            }
            times.Sort();
            Console.WriteLine($"{mode}, batch {batch}: p10 {times[times.Count / 10]:N0} p50 {times[times.Count / 2]:N0} p90 {times[times.Count * 9 / 10]:N0} p99 {times[times.Count * 99 / 100]:N0} µs per round trip");
        }
        return 0;
    }

    private sealed class NoData : IConsortiumData
    {
        public Task<IReadOnlyList<DistrictView>> DistrictsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<DistrictView>>([]);
        public Task<IReadOnlyList<CalendarDayView>> CalendarAsync(string districtCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<CalendarDayView>>([]);
    }
}
