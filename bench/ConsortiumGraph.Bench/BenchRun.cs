using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Bench;

public sealed record BenchOptions(string Data, double Scale, int Seed, int[] Levels, int Seconds, int WarmUp, int Soak, string? Server, bool InProcess, string[]? Only, bool Compression,
    DatabaseProvider[] Providers, string? Postgres, int[] FanOut, int FanOutEvents, int ServerWarmUp)
{
    public static BenchOptions Parse(Func<string, string?> option) => new(
        Path.GetFullPath(option("--data") ?? "bench/data"),
        double.Parse(option("--scale") ?? "1", CultureInfo.InvariantCulture),
        int.Parse(option("--seed") ?? "2026", CultureInfo.InvariantCulture),
        [.. (option("--levels") ?? "1,8,32").Split(',').Select(int.Parse)],
        int.Parse(option("--seconds") ?? "10", CultureInfo.InvariantCulture),
        int.Parse(option("--warmup") ?? "3", CultureInfo.InvariantCulture),
        int.Parse(option("--soak") ?? "300", CultureInfo.InvariantCulture),
        option("--server") is { } server ? Path.GetFullPath(server) : null,
        !Environment.GetCommandLineArgs().Contains("--skip-inprocess"),
        option("--only")?.Split(','),
        option("--compression") != "off",
        (option("--provider")?.ToLowerInvariant() ?? "both") switch
        {
            "sqlite" => [DatabaseProvider.Sqlite],
            "postgresql" or "postgres" => [DatabaseProvider.PostgreSql],
            "both" => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql],
            var other => throw new ArgumentException($"--provider {other}: Sqlite, PostgreSql or both"),
        },
        option("--postgres"),
        option("--fanout") is "none" ? [] : [.. (option("--fanout") ?? "10,100,1000").Split(',').Select(int.Parse)],
        int.Parse(option("--fanout-events") ?? "20", CultureInfo.InvariantCulture),
        int.Parse(option("--server-warmup") ?? "30", CultureInfo.InvariantCulture));

    /// <summary>Whether the run includes the operation (all unless --only names some).</summary>
    public bool Includes(string operation) => Only is null || Only.Contains(operation);
}

/// <summary>
/// The whole benchmark: prepare (or reuse) the data, time the server's start-up, verify that GraphQL and
/// the baseline answer the same JSON, load both at each concurrency level, soak for memory, run the
/// in-process suite, and print one table (also written to bench/results/).
/// </summary>
public sealed class BenchRun(BenchOptions options)
{
    private const string Url = "http://127.0.0.1:5181";
    private readonly StringBuilder _report = new();

    private void Line(string text = "")
    {
        Console.WriteLine(text);
        _report.AppendLine(text);
    }

    private static void Progress(string text) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {text}");

    public async Task<int> RunAsync()
    {
        Directory.CreateDirectory(options.Data);
        Line($"# ConsortiumGraph benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line($"Data: national set at scale {options.Scale} (seed {options.Seed}) plus the demo consortium. "
            + $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release.");
        Line();
        foreach (var provider in options.Providers)
        {
            // PostgreSQL: the benchmark's own cluster under bench/data unless --postgres names a server.
            await using var cluster = provider == DatabaseProvider.PostgreSql && options.Postgres is null ? await PostgresCluster.StartAsync(options.Data) : null;
            var name = $"national-s{options.Scale.ToString(CultureInfo.InvariantCulture)}-{options.Seed}";
            var (seeded, work) = provider == DatabaseProvider.Sqlite
                ? (BenchDatabase.Sqlite(Path.Combine(options.Data, name + ".db")), BenchDatabase.Sqlite(Path.Combine(options.Data, "run.db")))
                : (BenchDatabase.PostgreSql(options.Postgres ?? cluster!.ConnectionString, name.Replace('-', '_').Replace('.', '_')), BenchDatabase.PostgreSql(options.Postgres ?? cluster!.ConnectionString, "bench_run"));
            var existed = await seeded.ExistsAsync();
            Progress($"data: {provider} {seeded.Name} ({(existed ? "reusing; migrating if needed" : "generating")})");
            var preparing = Stopwatch.StartNew();
            await BenchHost.PrepareAsync(seeded, options.Scale, options.Seed);
            // Mutations change the data: every run starts from a copy of the seeded database.
            await seeded.CopyToAsync(work);
            Line($"# {provider}");
            Line();
            Line($"Database: {(provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL" + (cluster is null ? " (given by --postgres)" : $" (the benchmark's own cluster, port {PostgresCluster.Port})"))}, {await seeded.SizeMbAsync():N0} MB"
                + (existed ? "." : $"; generated and prepared in {preparing.Elapsed.TotalSeconds:N0} s."));
            Line();

            if (options.Server is not null) await StartUpAsync(work);

            using var server = StartServer(work);
            try
            {
                if (await MeasureAsync(server, seeded, work, cluster) != 0) return 1;
            }
            finally
            {
                if (!server.HasExited) server.Kill(entireProcessTree: true);
            }
        }

        var results = Path.Combine(Path.GetDirectoryName(options.Data)!, "results");
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, _report.ToString());
        Progress($"written to {file}");
        return 0;
    }

    private async Task<int> MeasureAsync(Process server, BenchDatabase seeded, BenchDatabase work, PostgresCluster? cluster)
    {
        using var client = new LoadClient(new Uri(Url));
        var meter = new CellMeter(server.Id, work, cluster);
        var postgres = work.Provider == DatabaseProvider.PostgreSql;
        await WaitReadyAsync(client, server);
        var operations = (await client.GetJsonAsync("/bench/targets"))["operations"]!.AsArray();
        var reads = new List<(string Name, BenchRequest GraphQL, BenchRequest Baseline)>();
        foreach (var op in operations.Where(o => o!["baseline"] is not null))
        {
            var (name, document, token, baseline) = (op!["name"]!.GetValue<string>(), op["document"]!.GetValue<string>(), op["token"]?.GetValue<string>(), op["baseline"]!.GetValue<string>());
            var variables = op["variables"]!.AsObject().DeepClone().AsObject();
            if (name == BenchOperation.DistrictList)
            {
                var cursor = await BenchOperation.PageCursorAsync(v => client.SendAsync(BenchRequest.GraphQL(document, v, token)));
                variables["after"] = cursor;
                baseline += "?after=" + Uri.EscapeDataString(cursor);
            }
            reads.Add((name, BenchRequest.GraphQL(document, variables, token), BenchRequest.HandWritten(baseline, token)));
        }
        if (!await VerifyAsync(client, reads)) return 1;

        var warmUp = TimeSpan.FromSeconds(options.WarmUp);
        var measure = TimeSpan.FromSeconds(options.Seconds);
        // The runtime's tiered compilation settles over the first half-minute under load (15 s left the first cell of each
        // table at 0.56-0.62 of the same cell measured later, with 1.6 times its server CPU per request); without this the first
        // operation's GraphQL cell (measured before its baseline) ran on code still being recompiled: dashboard on
        // PostgreSQL at 8 users measured 108 req/s here cold and 204 warm, 12.5 and 3.8 ms of server CPU per request.
        Progress($"warming the server: every read, both sides, on 8 users for {options.ServerWarmUp} s");
        var turn = 0;
        await client.RunAsync(8, TimeSpan.Zero, TimeSpan.FromSeconds(options.ServerWarmUp), send =>
        {
            var n = Interlocked.Increment(ref turn);
            var (_, graphQL, baseline) = reads[n / 2 % reads.Count];
            return send(n % 2 == 0 ? graphQL : baseline);
        });
        Line($"## HTTP load: closed loop, {options.Seconds} s per cell after {options.WarmUp} s warm-up; GraphQL and baseline served by the same process");
        Line();
        // SQL/req is what the server sent (EF Core's commands); on PostgreSQL the database's own count follows, with
        // Npgsql's connection resets apart, and planning and execution time and CPU as pg_stat_statements and /proc saw them.
        Line("| operation | users | GraphQL req/s | baseline req/s | ratio | GraphQL p50 / p95 / p99 ms | baseline p50 / p95 / p99 ms | SQL/req GraphQL | SQL/req baseline | server CPU ms/req G / B |"
            + (postgres ? " resets/req G / B | planning ms/req G / B | execution ms/req G / B | PostgreSQL CPU ms/req G / B |" : "") + " failures |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (postgres ? "---:|---:|---:|---:|" : "") + "---:|");
        foreach (var (name, graphQL, baseline) in reads.Where(r => options.Includes(r.Name)))
            foreach (var users in options.Levels)
            {
                Progress($"{name}, {users} users");
                var g = await client.RunAsync(users, warmUp, measure, send => send(graphQL), meter);
                var b = await client.RunAsync(users, warmUp, measure, send => send(baseline), meter);
                Line($"| {name} | {users} | {g.Throughput:N0} | {b.Throughput:N0} | **{g.Throughput / b.Throughput:N2}** | {Latencies(g)} | {Latencies(b)} | {g.StatementsPerRequest:N1} | {b.StatementsPerRequest:N1} | {Pair(g.Cost.ServerCpuMs, b.Cost.ServerCpuMs)} |"
                    + (postgres ? $" {Pair(g.Cost.Resets, b.Cost.Resets, "N1")} | {Pair(g.Cost.PlanningMs, b.Cost.PlanningMs)} | {Pair(g.Cost.ExecutionMs, b.Cost.ExecutionMs)} | {Pair(g.Cost.DatabaseCpuMs, b.Cost.DatabaseCpuMs)} |" : "")
                    + $" {g.Failures + b.Failures} |");
                if ((g.FirstFailure ?? b.FirstFailure) is { } failure) Progress("first failure: " + failure);
            }

        var mix = operations.Single(o => o!["baseline"] is null)!;
        foreach (var users in options.Levels.Where(_ => options.Includes("mutation mix")))
        {
            Progress($"mutation mix, {users} users");
            var before = await StoredStateAsync(work);
            var result = await client.RunAsync(users, warmUp, measure, send => MutationMixAsync(send, mix), meter);
            var stored = await StoredStateAsync(work);
            Line($"| mutation mix (4 requests) | {users} | {result.Throughput:N0} | | | {Latencies(result)} | | {result.StatementsPerRequest:N1} | | {Pair(result.Cost.ServerCpuMs, null)} |"
                + (postgres ? $" {Pair(result.Cost.Resets, null, "N1")} | {Pair(result.Cost.PlanningMs, null)} | {Pair(result.Cost.ExecutionMs, null)} | {Pair(result.Cost.DatabaseCpuMs, null)} |" : "")
                + $" {result.Failures} |");
            if (result.FirstFailure is { } failure) Progress("first failure: " + failure);
            // Every completed mix stored one decision with one vote and one commitment with one progress report; warm-up
            // and a mix cut off at the deadline add some more, never fewer, and never a vote without its decision.
            var (decisions, votes, commitments, reports) = (stored.Decisions - before.Decisions, stored.Votes - before.Votes, stored.Commitments - before.Commitments, stored.Reports - before.Reports);
            var completed = result.Requests / 4;
            if (decisions < completed || votes < completed || commitments < completed || reports < completed || votes > decisions || reports > commitments)
            {
                Console.Error.WriteLine($"STORED STATE: mutation mix on {users} users completed {completed:N0} mixes but stored {decisions:N0} decisions, {votes:N0} votes, {commitments:N0} commitments, {reports:N0} progress reports.");
                return 1;
            }
            Progress($"stored state checked: {decisions:N0} decisions, {votes:N0} votes, {commitments:N0} commitments, {reports:N0} progress reports for {completed:N0} completed mixes");
        }
        Line();

        if (options.FanOut.Length > 0 && options.Includes("subscription fan-out"))
        {
            Line($"## Live updates: voteCast of one partnership, half the subscribers staff of its lead district, the rest spread over other scopes; {options.FanOutEvents} votes per level");
            Line();
            Line("Latency runs from the vote's request to each receipt. SQL per event counts everything the server ran for it, the proposal and the vote included (4 statements with no subscribers).");
            Line();
            Line("| subscribers | groups run per event | readers | delivered | to non-readers | delivery p50 / p99 ms | SQL/event | server CPU ms/event |" + (postgres ? " PostgreSQL CPU ms/event |" : ""));
            Line("|---:|---:|---:|---:|---:|---:|---:|---:|" + (postgres ? "---:|" : ""));
            var fanOut = new FanOut(new Uri(Url), client, meter);
            foreach (var subscribers in options.FanOut)
            {
                Progress($"subscription fan-out, {subscribers} subscribers");
                var f = await fanOut.RunAsync(subscribers, options.FanOutEvents, mix);
                Line($"| {f.Subscribers:N0} | {f.Groups:N0} | {f.Readers:N0} | {f.Delivered:N0} of {(long)f.Readers * f.Events:N0} | {f.Misdelivered} | {f.P50Ms:N1} / {f.P99Ms:N1} | {f.StatementsPerEvent:N1} | {Pair(f.Cost.ServerCpuMs, null)} |"
                    + (postgres ? $" {Pair(f.Cost.DatabaseCpuMs, null)} |" : ""));
                if (f.Misdelivered > 0)
                {
                    Console.Error.WriteLine($"MISDELIVERED: {f.Misdelivered} live updates reached subscribers who may not read the partnership.");
                    return 1;
                }
            }
            Line();
        }

        if (options.Soak > 0) await SoakAsync(client, reads);
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();

        if (options.InProcess && work.Provider == DatabaseProvider.Sqlite)
        {
            Progress("in-process suite (BenchmarkDotNet)");
            // A fresh copy: the mutation mix has added thousands of decisions and commitments to the run's copy.
            await seeded.CopyToAsync(work);
            Environment.SetEnvironmentVariable("CONSORTIUMGRAPH_BENCH_DB", work.Name);
            Line(FormatInProcess(RunInProcess()));
        }
        return 0;
    }

    private static string Pair(double? graphQL, double? baseline, string format = "N2") =>
        string.Join(" / ", new[] { graphQL, baseline }.Where(v => v is not null).Select(v => double.IsNaN(v!.Value) ? "n/a" : v.Value.ToString(format, CultureInfo.InvariantCulture)));

    /// <summary>What the mutation mix writes, counted in the run's database with every row visible.</summary>
    private static async Task<(long Decisions, long Votes, long Commitments, long Reports)> StoredStateAsync(BenchDatabase database)
    {
        await using var db = DatabaseProviders.Create(database.Provider, database.ConnectionString).WithFullAccess();
        return (await db.Decisions.LongCountAsync(), await db.Votes.LongCountAsync(), await db.Commitments.LongCountAsync(), await db.ProgressUpdates.LongCountAsync());
    }

    private static string Latencies(LoadResult r) => $"{r.Percentile(50):N1} / {r.Percentile(95):N1} / {r.Percentile(99):N1}";

    private Process StartServer(BenchDatabase database)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var arg in new[] { typeof(BenchRun).Assembly.Location, "serve", "--provider", database.Provider.ToString(), "--connection", database.ConnectionString, "--urls", Url, $"--Compression:Enabled={options.Compression}", "--Subscriptions:MaxConnections=5000" })
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    private static async Task WaitReadyAsync(LoadClient client, Process server)
    {
        for (var i = 0; i < 600; i++)
        {
            if (server.HasExited) throw new InvalidOperationException($"The benchmark server exited with {server.ExitCode}.");
            try { await client.StatementsAsync(); return; }
            catch (HttpRequestException) { await Task.Delay(100); }
        }
        throw new TimeoutException("The benchmark server did not start in 60 s.");
    }

    /// <summary>The baseline must answer exactly what GraphQL answers, or the comparison means nothing.</summary>
    private async Task<bool> VerifyAsync(LoadClient client, List<(string Name, BenchRequest GraphQL, BenchRequest Baseline)> reads)
    {
        var ok = true;
        foreach (var (name, graphQL, baseline) in reads)
        {
            var g = JsonNode.Parse(await client.SendAsync(graphQL))!["data"];
            var b = JsonNode.Parse(await client.SendAsync(baseline))!["data"];
            if (JsonNode.DeepEquals(g, b))
            {
                Progress($"verified: {name} answers the same JSON from GraphQL and the baseline ({g!.ToJsonString().Length:N0} characters)");
                continue;
            }
            ok = false;
            var dump = Path.Combine(options.Data, $"mismatch-{name.Replace(' ', '-')}");
            await File.WriteAllTextAsync(dump + ".graphql.json", g?.ToJsonString(new() { WriteIndented = true }));
            await File.WriteAllTextAsync(dump + ".baseline.json", b?.ToJsonString(new() { WriteIndented = true }));
            Console.Error.WriteLine($"MISMATCH: {name}: GraphQL and the baseline answer differently; compare {dump}.*.json");
        }
        return ok;
    }

    /// <summary>Propose a decision, commit to it, report progress, vote: each step takes the IDs the last returned.</summary>
    private static async Task MutationMixAsync(Func<BenchRequest, Task<byte[]>> send, JsonNode mix)
    {
        var (document, token) = (mix["document"]!.GetValue<string>(), mix["token"]!.GetValue<string>());
        var (partnership, district) = (mix["variables"]!["partnership"]!.GetValue<string>(), mix["variables"]!["district"]!.GetValue<string>());
        var proposed = JsonNode.Parse(await send(BenchRequest.GraphQL(document,
            new JsonObject { ["partnership"] = partnership, ["deadline"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ") }, token, "ProposeDecision")))!;
        var decision = Payload(proposed, "proposeDecision", "decision");
        var created = JsonNode.Parse(await send(BenchRequest.GraphQL(document, new JsonObject { ["partnership"] = partnership, ["district"] = district }, token, "CreateCommitment")))!;
        var commitment = Payload(created, "createCommitment", "commitment");
        Payload(JsonNode.Parse(await send(BenchRequest.GraphQL(document, new JsonObject { ["commitment"] = commitment }, token, "ReportProgress")))!, "reportProgress", "commitment");
        Payload(JsonNode.Parse(await send(BenchRequest.GraphQL(document, new JsonObject { ["decision"] = decision, ["district"] = district }, token, "CastVote")))!, "castVote", "decision");
    }

    private static string Payload(JsonNode response, string field, string entity)
    {
        var payload = response["data"]![field]!;
        if (payload["errors"]!.AsArray().Count > 0 || payload[entity] is null)
            throw new InvalidOperationException($"{field}: {payload["errors"]!.ToJsonString()}");
        return payload[entity]!["id"]!.GetValue<string>();
    }

    /// <summary>The read operations in turn on 8 users for the soak time, sampling the server's memory.</summary>
    private async Task SoakAsync(LoadClient client, List<(string Name, BenchRequest GraphQL, BenchRequest Baseline)> reads)
    {
        Progress($"soak: {options.Soak} s");
        var samples = new List<(double Minute, long WorkingSet, long Heap)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var memory = await client.GetJsonAsync("/bench/memory");
                samples.Add((clock.Elapsed.TotalMinutes, memory["workingSet"]!.GetValue<long>(), memory["heap"]!.GetValue<long>()));
                try { await Task.Delay(TimeSpan.FromSeconds(15), stop.Token); } catch (TaskCanceledException) { }
            }
        });
        var next = 0;
        var result = await client.RunAsync(8, TimeSpan.Zero, TimeSpan.FromSeconds(options.Soak), send => send(reads[Interlocked.Increment(ref next) % reads.Count].GraphQL));
        stop.Cancel();
        await sampler;
        static double Mb(long bytes) => bytes / 1_048_576.0;
        // Growth compares the minute after warm-up with the last minute of the run.
        var early = samples.Where(s => s.Minute is >= 1 and < 2).ToList();
        var late = samples.Where(s => s.Minute >= samples[^1].Minute - 1).ToList();
        Line($"## Memory: {options.Soak / 60.0:N0} min soak, the read operations in turn on 8 users ({result.Throughput:N0} req/s, {result.Failures} failures)");
        Line();
        Line("| minute | working set MB | GC heap MB |");
        Line("|---:|---:|---:|");
        foreach (var s in samples.Where((_, i) => i % 4 == 0 || i == samples.Count - 1)) Line($"| {s.Minute:N1} | {Mb(s.WorkingSet):N0} | {Mb(s.Heap):N0} |");
        if (early.Count > 0 && late.Count > 0)
            Line($"\nWorking set, minute 1-2 mean {Mb((long)early.Average(s => s.WorkingSet)):N0} MB, last minute mean {Mb((long)late.Average(s => s.WorkingSet)):N0} MB; "
                + $"GC heap {Mb((long)early.Average(s => s.Heap)):N0} MB then {Mb((long)late.Average(s => s.Heap)):N0} MB.");
        Line();
    }

    /// <summary>Start-up of the real server on the data, with its plugins: to ready, and to a first answer that uses a plugin.</summary>
    private async Task StartUpAsync(BenchDatabase database)
    {
        var times = new List<(double Ready, double FirstAnswer)>();
        for (var run = 0; run < 3; run++)
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { options.Server!, "--urls", "http://127.0.0.1:5182", "--Database:SeedDemoData=false", "--Plugins:Watch=false", "--Plugins:RequireApproval=false" }
                .Concat(database.Settings.Select(s => $"--{s.Key}={s.Value}")))
                start.ArgumentList.Add(arg);
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var log = new StringBuilder();
            process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5182"), Timeout = TimeSpan.FromSeconds(5) };
            double ready = 0, answer = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(120) && !process.HasExited)
            {
                try
                {
                    if (ready == 0 && (await http.GetAsync("/health/ready")).IsSuccessStatusCode) ready = clock.Elapsed.TotalSeconds;
                    // The composed schema carries the plugins' types: answering this means they are loaded.
                    if (ready > 0 && (await http.GetStringAsync("/graphql?query=%7B__type(name%3A%22MapleRidgeDistrictFields%22)%7Bname%7D%7D")).Contains("MapleRidgeDistrictFields"))
                    {
                        answer = clock.Elapsed.TotalSeconds;
                        break;
                    }
                }
                catch (HttpRequestException) { }
                await Task.Delay(20);
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            if (answer == 0) throw new InvalidOperationException("The server did not start with its plugins:\n" + log);
            times.Add((ready, answer));
            if (run == 0 && log.ToString().Contains("Applying")) throw new InvalidOperationException("The server migrated at start-up; prepare should have.");
        }
        var sorted = times.OrderBy(t => t.Ready).ToList();
        Line($"## Start-up of the server with the 2 sample plugins on this data (migrations checked, none applied)");
        Line();
        Line($"Ready (/health/ready 200): median {sorted[1].Ready:N2} s (runs: {string.Join(", ", times.Select(t => t.Ready.ToString("N2")))}); "
            + $"plugin types served: median {times.OrderBy(t => t.FirstAnswer).ElementAt(1).FirstAnswer:N2} s, from process start.");
        Line();
    }

    public static Summary RunInProcess()
    {
        // In process: no generated project to restore and build, and the same runtime as the rest of the run.
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(300));
        // BenchmarkDotNet's progress goes to standard error; standard output keeps only the run's table.
        var config = ManualConfig.CreateEmpty().AddJob(job).AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance).AddLogger(new StandardErrorLogger())
            .WithOptions(ConfigOptions.DisableLogFile).WithArtifactsPath(Path.Combine(Path.GetTempPath(), "consortiumgraph-bench-artifacts"));
        return BenchmarkRunner.Run<InProcessBenchmarks>(config);
    }

    public static string FormatInProcess(Summary summary)
    {
        var text = new StringBuilder();
        text.AppendLine("## In process (BenchmarkDotNet): execute and serialize, national data on SQLite");
        text.AppendLine();
        text.AppendLine("| operation | GraphQL mean | GraphQL allocated | baseline mean | baseline allocated | time ratio | allocation ratio |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in summary.Reports.GroupBy(r => r.BenchmarkCase.Parameters["Operation"]?.ToString()))
        {
            var g = group.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(InProcessBenchmarks.GraphQL));
            var b = group.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(InProcessBenchmarks.HandWritten));
            double Mean(BenchmarkReport r) => (r.ResultStatistics?.Mean ?? double.NaN) / 1e6;
            double Allocated(BenchmarkReport r) => (r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0) / 1024.0;
            text.AppendLine($"| {group.Key} | {Mean(g):N2} ms | {Allocated(g):N0} KB | {Mean(b):N2} ms | {Allocated(b):N0} KB | {Mean(g) / Mean(b):N2} | {Allocated(g) / Allocated(b):N2} |");
        }
        return text.ToString();
    }
}

internal sealed class StandardErrorLogger : BenchmarkDotNet.Loggers.ILogger
{
    public string Id => nameof(StandardErrorLogger);
    public int Priority => 0;
    public void Write(BenchmarkDotNet.Loggers.LogKind logKind, string text) => Console.Error.Write(text);
    public void WriteLine() => Console.Error.WriteLine();
    public void WriteLine(BenchmarkDotNet.Loggers.LogKind logKind, string text) => Console.Error.WriteLine(text);
    public void Flush() => Console.Error.Flush();
}
