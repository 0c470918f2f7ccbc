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

    [Params("dashboard", "partnership detail", BenchOperation.DistrictList, "district local fields", "funder report")]
    public string Operation { get; set; } = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _graph = await InProcessGraph.StartAsync(Environment.GetEnvironmentVariable("CONSORTIUMGRAPH_BENCH_DB") ?? throw new InvalidOperationException("Set CONSORTIUMGRAPH_BENCH_DB to the data file."));
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
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _graph.DisposeAsync();

    [Benchmark]
    public Task GraphQL() => _graph.ExecuteAsync(_document, _operation.Variables, _user, Stream.Null);

    [Benchmark(Baseline = true)]
    public Task HandWritten() => _graph.BaselineAsync(_baseline, _user, Stream.Null);

    public static async Task<int> ProbeAsync(string database, string operation, int count)
    {
        Environment.SetEnvironmentVariable("CONSORTIUMGRAPH_BENCH_DB", database);
        var bench = new InProcessBenchmarks { Operation = operation };
        await bench.SetupAsync();
        foreach (var (name, run) in new (string, Func<Task>)[] { ("GraphQL", bench.GraphQL), ("baseline", bench.HandWritten) })
        {
            var times = new List<double>();
            for (var i = 0; i < count; i++)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await run();
                if (i >= count / 3) times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{operation} {name}: p10 {times[times.Count / 10]:N2} p50 {times[times.Count / 2]:N2} p90 {times[times.Count * 9 / 10]:N2} p99 {times[times.Count * 99 / 100]:N2} ms");
        }
        await bench.CleanupAsync();
        return 0;
    }
}
