namespace ConsortiumGraph.Bench;

/// <summary>
/// The benchmark's own PostgreSQL cluster, as <c>.ci/run</c> starts one: created under bench/data on
/// first use (so the generated data is kept between runs), started for the run, stopped after it.
/// C collation, as in CI; <c>pg_stat_statements</c> loaded with planning tracked, so each cell can
/// report planning and execution time per request. Started as the <c>postgres</c> user when run as root.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const int Port = 54331;
    private readonly string _directory;
    private readonly string _bin;

    private PostgresCluster(string directory, string bin) => (_directory, _bin) = (directory, bin);

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    /// <summary>The postmaster's process id: its children are the backends whose CPU the benchmark counts.</summary>
    public int ProcessId => int.Parse(File.ReadLines(Path.Combine(_directory, "data", "postmaster.pid")).First());

    public static async Task<PostgresCluster> StartAsync(string dataRoot)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).LastOrDefault()
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql), or pass --postgres CONNECTION-STRING.");
        var cluster = new PostgresCluster(Path.Combine(dataRoot, "pg-" + Path.GetFileName(Path.GetDirectoryName(bin))), bin);
        Directory.CreateDirectory(cluster._directory);
        if (IsRoot) await ChildProcess.RunAsync("chown", "-R", "postgres", cluster._directory);
        var data = Path.Combine(cluster._directory, "data");
        if (!Directory.Exists(data))
            await cluster.AsPostgresAsync("initdb", "-D", data, "-U", "postgres", "--auth=trust", "--locale=C", "--encoding=UTF8");
        // A run killed before it stopped its cluster left it running: stop it, so this run starts it with its own settings.
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try { await cluster.AsPostgresAsync("pg_ctl", "-D", data, "-m", "fast", "stop"); }
            catch (InvalidOperationException) { /* a stale pid file of a cluster no longer running: pg_ctl start sees to it */ }
        }
        await cluster.AsPostgresAsync("pg_ctl", "-D", data, "-l", Path.Combine(cluster._directory, "log"), "-w", "start", "-o",
            $"-h 127.0.0.1 -p {Port} -k {cluster._directory} -c max_connections=300 -c shared_buffers=512MB "
            + "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on -c pg_stat_statements.max=10000");
        return cluster;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsPostgresAsync(string tool, params string[] args)
    {
        var command = Path.Combine(_bin, tool);
        return IsRoot
            ? ChildProcess.RunAsync("su", "postgres", "-s", "/bin/sh", "-c", string.Join(' ', args.Prepend(command).Select(a => "'" + a.Replace("'", "'\\''") + "'")))
            : ChildProcess.RunAsync(command, args);
    }

    public async ValueTask DisposeAsync() => await AsPostgresAsync("pg_ctl", "-D", Path.Combine(_directory, "data"), "-m", "fast", "stop");
}
