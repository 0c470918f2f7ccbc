using System.Security.Claims;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ConsortiumGraph.Data;

namespace ConsortiumGraph.Bench;

/// <summary>
/// Each read operation executed in process against the national data on SQLite, GraphQL beside its
/// baseline, response written as the endpoint writes it; BenchmarkDotNet measures time and allocations.
/// The data file comes from CONSORTIUMGRAPH_BENCH_DB (bench/run sets it).
/// </summary>
[MemoryDiagnoser]
public class InProcessBenchmarks
{
    private InProcessGraph _graph = null!;
    private BenchOperation _operation = null!;
    private ClaimsPrincipal _user = null!;
    private string _document = null!;
    private Func<ConsortiumDb, DateTime, CancellationToken, Task<object?>> _baseline = null!;

    /// <summary>The read operations measured in process, by their names in bench/operations.</summary>
    public static IEnumerable<string> Operations => BenchTargets.ReadNames;

    [ParamsSource(nameof(Operations))]
    public string Operation { get; set; } = "";

    /// <summary>The probe's database; BenchmarkDotNet's runs read the SQLite file CONSORTIUMGRAPH_BENCH_DB names.</summary>
    public BenchDatabase? Database { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _graph = await InProcessGraph.StartAsync(Database
            ?? BenchDatabase.Sqlite(Environment.GetEnvironmentVariable("CONSORTIUMGRAPH_BENCH_DB") ?? throw new InvalidOperationException("Set CONSORTIUMGRAPH_BENCH_DB to the data file.")));
        var targets = await BenchTargets.FindAsync(_graph.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ConsortiumDb>>());
        _operation = targets.Reads.Single(o => o.Name == Operation);
        _user = _operation.Caller.Principal();
        _document = _operation.Document;
        var after = Operation == BenchOperation.DistrictList ? await BenchOperation.PageCursorAsync(async variables =>
        {
            using var output = new MemoryStream();
            await _graph.ExecuteAsync(_document, variables, _user, output);
            return output.ToArray();
        }) : null;
        if (after is not null) _operation = _operation with { Variables = new JsonObject { ["after"] = after } };
        var read = _operation.Read!;
        _baseline = (db, now, ct) => read(db, now, after, ct);
        // An answer with errors is quick and small: timed, it would pass for a fast read.
        if ((await _graph.ExecuteAsync(_document, _operation.Variables, _user, Stream.Null)).Errors is { Count: > 0 } errors)
            throw new InvalidOperationException($"{Operation} answers errors, so its times would not be a read's: {string.Join(" ", errors.Select(e => $"{e.Code}: {e.Message}"))}");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _graph.DisposeAsync();

    [Benchmark]
    public Task GraphQL() => _graph.ExecuteAsync(_document, _operation.Variables, _user, Stream.Null);

    [Benchmark(Baseline = true)]
    public Task HandWritten() => _graph.BaselineAsync(_baseline, _user, Stream.Null);

    /// <summary>
    /// Per-execution times of one operation, GraphQL and baseline (or only <paramref name="only"/>). Each side runs
    /// for <paramref name="warmup"/> before it is timed: tiered compilation replaces a method's first code only after it
    /// has been called for a while, and a light operation timed from its 500th execution still ran unoptimized
    /// code (district with plugin fields: 2.7 ms p10 after 1,500 executions, 1.1 ms after 8,000). It also prints the
    /// process's CPU time and the bytes allocated per execution, which a busy machine disturbs less than wall time.
    /// </summary>
    public static async Task<int> ProbeAsync(BenchDatabase database, string operation, int count, TimeSpan warmup, string? only = null)
    {
        string[] sides = ["GraphQL", "baseline"];
        var refused = !Operations.Contains(operation) ? $"--op \"{operation}\" is not one of: {string.Join(", ", Operations.Select(o => $"\"{o}\""))}."
            : only is not null && !sides.Contains(only) ? $"--only {only} is neither GraphQL nor baseline."
            : count < 1 ? $"--n {count}: time at least one execution."
            : warmup < TimeSpan.Zero ? "--warmup must not be negative."
            : database.Provider == DatabaseProvider.Sqlite && !File.Exists(database.Name) ? $"--db {database.Name}: no such file (bench/run generates bench/data/run.db)."
            : null;
        if (refused is not null)
        {
            Console.Error.WriteLine("probe: " + refused);
            return 2;
        }
        var bench = new InProcessBenchmarks { Operation = operation, Database = database };
        await bench.SetupAsync();
        foreach (var (name, run) in new (string, Func<Task>)[] { (sides[0], bench.GraphQL), (sides[1], bench.HandWritten) })
        {
            if (only is not null && only != name) continue;
            var warming = System.Diagnostics.Stopwatch.StartNew();
            while (warming.Elapsed < warmup) await run();
            var times = new double[count];
            var window = System.Diagnostics.Stopwatch.GetTimestamp();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < count; i++)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await run();
                times[i] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await ProfileWindow(window, System.Diagnostics.Stopwatch.GetTimestamp());
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Array.Sort(times);
            Console.WriteLine($"{operation} {name}: p10 {times[count / 10]:N2} p50 {times[count / 2]:N2} p90 {times[count * 9 / 10]:N2} p99 {times[count * 99 / 100]:N2} ms; "
                + $"CPU {cpu.TotalMilliseconds / count:N2} ms, {allocated / 1024.0 / count:N1} KB allocated per execution");
        }
        await bench.CleanupAsync();
        return 0;
    }

    /// <summary>
    /// For bench/profile: when CONSORTIUMGRAPH_PROFILE_WINDOW names a file, appends the timed executions' start and end
    /// on the monotonic clock (<c>perf record -k CLOCK_MONOTONIC</c> stamps samples with it), as <c>perf script --time</c> takes them.
    /// </summary>
    private static async Task ProfileWindow(long started, long ended)
    {
        if (Environment.GetEnvironmentVariable("CONSORTIUMGRAPH_PROFILE_WINDOW") is not { Length: > 0 } file) return;
        static string Seconds(long timestamp) => ((decimal)timestamp / System.Diagnostics.Stopwatch.Frequency).ToString("F6", System.Globalization.CultureInfo.InvariantCulture);
        await File.AppendAllTextAsync(file, $"{Seconds(started)},{Seconds(ended)}\n");
    }
}
