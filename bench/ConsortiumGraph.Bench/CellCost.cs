using Npgsql;

namespace ConsortiumGraph.Bench;

/// <summary>
/// What one cell of the load table cost beyond its wall-clock time, per request: CPU of the server
/// process and, on PostgreSQL, of the database's backends (from /proc), and what pg_stat_statements
/// saw: statements (connection resets counted apart), planning and execution time.
/// </summary>
public sealed record CellCost(double ServerCpuMs, double? DatabaseCpuMs, double? Statements, double? Resets, double? PlanningMs, double? ExecutionMs)
{
    public static readonly CellCost None = new(double.NaN, null, null, null, null, null);
}

/// <summary>Takes the readings a <see cref="CellCost"/> is the difference of, before and after a measured phase.</summary>
public sealed class CellMeter(int serverProcess, BenchDatabase database, PostgresCluster? cluster)
{
    private (double ServerCpu, double? DatabaseCpu) _start;

    // Npgsql's reset on a connection's return to the pool, and what it sends instead when statements are prepared.
    private const string ResetPattern = "^(DISCARD|RESET ALL|SET SESSION AUTHORIZATION DEFAULT|CLOSE ALL|UNLISTEN|SELECT pg_advisory_unlock_all)";

    public async Task BeginAsync()
    {
        if (database.Provider == Data.DatabaseProvider.PostgreSql)
        {
            await using var connection = await database.OpenStatisticsAsync();
            await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
            await reset.ExecuteNonQueryAsync();
        }
        _start = (ProcessCpuMs(serverProcess), DatabaseCpuMs());
    }

    public async Task<CellCost> EndAsync(long requests)
    {
        var (serverCpu, databaseCpu) = (ProcessCpuMs(serverProcess), DatabaseCpuMs());
        double PerRequest(double total) => requests == 0 ? double.NaN : total / requests;
        var cost = new CellCost(PerRequest(serverCpu - _start.ServerCpu), databaseCpu is { } d ? PerRequest(d - _start.DatabaseCpu!.Value) : null, null, null, null, null);
        if (database.Provider != Data.DatabaseProvider.PostgreSql) return cost;
        await using var connection = await database.OpenStatisticsAsync();
        await using var read = new NpgsqlCommand($"""
            SELECT coalesce(sum(calls) FILTER (WHERE query !~* '{ResetPattern}'), 0)::float8,
                   coalesce(sum(calls) FILTER (WHERE query ~* '{ResetPattern}'), 0)::float8,
                   coalesce(sum(total_plan_time), 0)::float8, coalesce(sum(total_exec_time), 0)::float8
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
            """, connection);
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        return cost with
        {
            Statements = PerRequest(reader.GetDouble(0)), Resets = PerRequest(reader.GetDouble(1)),
            PlanningMs = PerRequest(reader.GetDouble(2)), ExecutionMs = PerRequest(reader.GetDouble(3)),
        };
    }

    /// <summary>
    /// The CPU of the benchmark's own cluster: its postmaster, its live backends (its children), and the backends that
    /// have ended, which the postmaster's reaped-children time keeps (without it, a cell in which the pool closed
    /// connections read as negative: -125 ms per request). Not known for a server it was given.
    /// </summary>
    private double? DatabaseCpuMs()
    {
        if (cluster is null) return null;
        var postmaster = cluster.ProcessId;
        double total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat && (stat.Parent == postmaster || pid == postmaster))
                total += stat.CpuMs + (pid == postmaster ? stat.EndedChildrenCpuMs : 0);
        return total;
    }

    private static double ProcessCpuMs(int pid) => Stat(pid)?.CpuMs ?? double.NaN;

    private static readonly double TicksPerMs = 100 / 1000.0; // USER_HZ is 100 on Linux

    /// <summary>
    /// Parent, user+system CPU of a process, and that of its children it has waited for, from /proc/PID/stat (fields after
    /// the command name in parentheses).
    /// </summary>
    private static (int Parent, double CpuMs, double EndedChildrenCpuMs)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is the state (field 3): the parent is field 4, utime 14, stime 15, cutime 16, cstime 17.
            return (int.Parse(fields[1]), (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerMs, (long.Parse(fields[13]) + long.Parse(fields[14])) / TicksPerMs);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
