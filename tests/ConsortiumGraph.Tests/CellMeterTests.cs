using System.Diagnostics;
using ConsortiumGraph.Bench;

namespace ConsortiumGraph.Tests;

/// <summary>The load table's CPU per request is read from /proc/PID/stat: a process's own busy time shows in it.</summary>
public sealed class CellMeterTests
{
    [Fact]
    public async Task A_process_busy_for_half_a_second_reads_as_at_least_that_much_CPU_per_request()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc is Linux's; bench/run runs there
        var meter = new CellMeter(Environment.ProcessId, BenchDatabase.Sqlite("unused.db"), cluster: null);
        await meter.BeginAsync();
        var busy = Stopwatch.StartNew();
        var spin = 0L;
        while (busy.Elapsed < TimeSpan.FromMilliseconds(500)) spin++;
        var cost = await meter.EndAsync(requests: 10);

        Assert.True(spin > 0);
        // Other tests of this process run beside it, so the reading can only be larger; 10 ms ticks allow for 20 ms less.
        Assert.InRange(cost.ServerCpuMs * 10, 480, double.MaxValue);
        Assert.Null(cost.DatabaseCpuMs); // no cluster of the benchmark's own
        Assert.Null(cost.Statements);     // SQLite has no pg_stat_statements
    }

    [Fact]
    public async Task A_cell_without_requests_has_no_cost_per_request()
    {
        var meter = new CellMeter(Environment.ProcessId, BenchDatabase.Sqlite("unused.db"), cluster: null);
        await meter.BeginAsync();
        Assert.True(double.IsNaN((await meter.EndAsync(requests: 0)).ServerCpuMs));
    }
}
