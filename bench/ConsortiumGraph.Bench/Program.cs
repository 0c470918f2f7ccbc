using System.Globalization;
using ConsortiumGraph.Bench;

// bench/run calls `run`; `serve` is the child process it load-tests; `inprocess` runs only BenchmarkDotNet.
var command = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "run";
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

switch (command)
{
    case "serve":
        return await BenchHost.ServeAsync(Option("--connection") is { } connection
            ? new BenchDatabase(Enum.Parse<ConsortiumGraph.Data.DatabaseProvider>(Option("--provider") ?? "Sqlite", ignoreCase: true), connection)
            : BenchDatabase.Sqlite(Option("--db") ?? throw new ArgumentException("serve needs --db FILE or --provider P --connection STRING")), args);
    case "inprocess":
        Environment.SetEnvironmentVariable("CONSORTIUMGRAPH_BENCH_DB", Path.GetFullPath(Option("--db") ?? throw new ArgumentException("inprocess needs --db FILE")));
        Console.WriteLine(BenchRun.FormatInProcess(BenchRun.RunInProcess()));
        return 0;
    case "probe":
        // Per-execution times of one operation in process, for looking into a benchmark's spread.
        // On SQLite a file; on PostgreSQL the bench_run database that bench/run prepared on that server.
        if (Option("--db") is not null && Option("--postgres") is not null)
        {
            Console.Error.WriteLine("probe: give --db FILE (SQLite) or --postgres CONNECTION (PostgreSQL), not both.");
            return 2;
        }
        return await InProcessBenchmarks.ProbeAsync(Option("--postgres") is { } server ? BenchDatabase.PostgreSql(server, "bench_run")
                : BenchDatabase.Sqlite(Path.GetFullPath(Option("--db") ?? throw new ArgumentException("probe needs --db FILE or --postgres CONNECTION"))),
            Option("--op") ?? "dashboard", int.Parse(Option("--n") ?? "1000"),
            TimeSpan.FromSeconds(double.Parse(Option("--warmup") ?? "10", CultureInfo.InvariantCulture)), Option("--only"));
    case "phases":
        // Where the probe's CPU went, from `perf script -F comm,ip,sym` on standard input (bench/profile).
        return await ProfilePhases.RunAsync(Console.In, Console.Out);
    case "boundary":
        // What one call into a plugin runner costs, per round trip.
        return await BoundaryProbe.RunAsync(int.Parse(Option("--n") ?? "3000"), int.Parse(Option("--batch") ?? "1"));
    case "import":
        // The CCD directory import at national size: rows per second and peak working set.
        return await ImportProbe.RunAsync(Option("--server") ?? throw new ArgumentException("import needs --server SERVER.dll"),
            int.Parse(Option("--schools") ?? "100000"), int.Parse(Option("--districts") ?? "1900"));
    case "run":
        return await new BenchRun(BenchOptions.Parse(Option)).RunAsync();
    default:
        Console.Error.WriteLine("usage: ConsortiumGraph.Bench [run] [--data DIR] [--scale 1] [--seed 2026] [--levels 1,8,32] [--seconds 10] [--warmup 3] [--soak 300] [--server SERVER.dll] [--skip-inprocess] [--compression off] [--only \"dashboard,funder report\"] [--provider Sqlite|PostgreSql|both] [--postgres CONNECTION-STRING] [--fanout 10,100,1000|none] [--fanout-events 20] [--server-warmup 30]");
        Console.Error.WriteLine("       ConsortiumGraph.Bench serve (--db FILE | --provider P --connection STRING) --urls URL | inprocess --db FILE | probe (--db FILE | --postgres CONNECTION) --op NAME [--n 1000] [--warmup 10] [--only GraphQL|baseline] | phases < perf-script-output | boundary [--n 3000] [--batch 1] | import --server SERVER.dll [--schools 100000] [--districts 1900]");
        return 2;
}
