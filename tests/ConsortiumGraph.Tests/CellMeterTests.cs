using System.Diagnostics;
using ConsortiumGraph.Bench;

namespace ConsortiumGraph.Tests;

/// <summary>The load table's CPU per request is read from /proc/PID/stat: a process's own busy time shows in it.</summary>
public sealed class CellMeterTests
{
    [Fact]
    public async Task A_process_that_used_half_a_second_of_CPU_reads_as_at_least_that_much_per_request()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc is Linux's; bench/run runs there
        var meter = new CellMeter(Environment.ProcessId, BenchDatabase.Sqlite("unused.db"), cluster: null);
        await meter.BeginAsync();
        // Busy until the process has used 500 ms of CPU by .NET's own reading: on a loaded machine half a second of wall
        // time is less CPU (CI read 380 ms). Other tests of this process count too, which .NET's reading includes as well.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var spin = 0L;
        while (Process.GetCurrentProcess().TotalProcessorTime - cpu < TimeSpan.FromMilliseconds(500)) spin++;
        var cost = await meter.EndAsync(requests: 10);

        Assert.True(spin > 0);
        // 10 ms ticks allow for 20 ms less.
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
