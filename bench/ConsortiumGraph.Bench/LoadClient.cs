using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConsortiumGraph.Bench;

/// <summary>What one load run measured.</summary>
public sealed record LoadResult(int Concurrency, long Requests, long Failures, double Seconds, double[] LatenciesMs, double StatementsPerRequest, string? FirstFailure, CellCost Cost)
{
    public double Throughput => Requests / Seconds;
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var index = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Length - 1)];
    }
}

/// <summary>
/// A closed-loop HTTP load generator: N virtual users, each sending its next request as soon as the last
/// one is answered, for a fixed time after a warm-up. Every response is checked (status 200, no GraphQL
/// errors), so a fast failure never counts as throughput.
/// </summary>
public sealed class LoadClient(Uri server) : IDisposable
{
    // Accepts compressed responses, as browsers do.
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        AutomaticDecompression = System.Net.DecompressionMethods.Brotli | System.Net.DecompressionMethods.GZip,
    })
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<long> StatementsAsync() => long.Parse(await _http.GetStringAsync("/bench/statements"));

    public async Task<JsonNode> GetJsonAsync(string path) => JsonNode.Parse(await _http.GetStringAsync(path))!;

    /// <summary>One request: a GraphQL POST, or a baseline GET. Returns the body, or throws with the reason it failed.</summary>
    public async Task<byte[]> SendAsync(BenchRequest request, CancellationToken ct = default)
    {
        using var message = request.Message();
        using var response = await _http.SendAsync(message, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
            throw new InvalidOperationException($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
        // The serializer writes a response's top-level errors first; errors inside mutation payloads are checked by the mix.
        if (request.IsGraphQL && body.AsSpan().StartsWith("{\"errors\""u8))
            throw new InvalidOperationException(Encoding.UTF8.GetString(body)[..Math.Min(600, body.Length)]);
        return body;
    }

    /// <summary>Runs <paramref name="step"/> in a loop on <paramref name="concurrency"/> users; each call returns how many requests it made.</summary>
    public async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmUp, TimeSpan measure, Func<Func<BenchRequest, Task<byte[]>>, Task> step, CellMeter? meter = null)
    {
        await RunPhaseAsync(concurrency, warmUp, step, record: false);
        if (meter is not null) await meter.BeginAsync();
        var before = await StatementsAsync();
        var (latencies, failures, seconds, failure) = await RunPhaseAsync(concurrency, measure, step, record: true);
        var statements = await StatementsAsync() - before;
        var cost = meter is null ? CellCost.None : await meter.EndAsync(latencies.Length);
        Array.Sort(latencies);
        return new LoadResult(concurrency, latencies.Length, failures, seconds, latencies, latencies.Length == 0 ? 0 : (double)statements / latencies.Length, failure, cost);
    }

    private async Task<(double[] Latencies, long Failures, double Seconds, string? Failure)> RunPhaseAsync(int concurrency, TimeSpan duration,
        Func<Func<BenchRequest, Task<byte[]>>, Task> step, bool record)
    {
        var latencies = new List<double>[concurrency];
        long failures = 0;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        var deadline = duration.TotalSeconds;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(user => Task.Run(async () =>
        {
            var mine = latencies[user] = new List<double>(4096);
            async Task<byte[]> Send(BenchRequest request)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var body = await SendAsync(request);
                    if (record) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    return body;
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, e.Message, null);
                    throw new StepFailed();
                }
            }
            while (clock.Elapsed.TotalSeconds < deadline)
            {
                try { await step(Send); }
                catch (StepFailed) { }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return ([.. latencies.SelectMany(l => l)], failures, seconds, firstFailure);
    }

    private sealed class StepFailed : Exception;

    public void Dispose() => _http.Dispose();
}

/// <summary>A request the load client sends: GraphQL (document, operation, variables) or a baseline GET, with the caller's token.</summary>
public sealed record BenchRequest(string? Document, string? OperationName, JsonObject? Variables, string? BaselinePath, string? Token)
{
    public bool IsGraphQL => Document is not null;

    private readonly byte[]? _body = Document is null ? null : JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["query"] = Document,
        ["operationName"] = OperationName,
        ["variables"] = Variables?.DeepClone(),
    });

    public static BenchRequest GraphQL(string document, JsonObject variables, string? token, string? operationName = null) => new(document, operationName, variables, null, token);
    public static BenchRequest HandWritten(string path, string? token) => new(null, null, null, path, token);

    public HttpRequestMessage Message()
    {
        var message = _body is null
            ? new HttpRequestMessage(HttpMethod.Get, BaselinePath)
            : new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(_body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
        if (Token is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return message;
    }
}
