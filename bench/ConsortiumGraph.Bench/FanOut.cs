using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConsortiumGraph.Bench;

/// <summary>What one fan-out level measured: delivery latency from the vote's request to each receipt, and the server's cost per event.</summary>
public sealed record FanOutResult(int Subscribers, int Groups, int Readers, int Events, long Delivered, long Misdelivered, double P50Ms, double P99Ms, double StatementsPerEvent, CellCost Cost);

/// <summary>
/// Live updates at scale: N WebSocket subscribers on <c>voteCast</c> of one partnership, half of them staff of its
/// lead district on the same document (one scope), the rest spread over the consortium's other districts, its
/// admins, and admins and funders of other consortia (who may not read the partnership and must receive nothing);
/// then a stream of votes. The callers come from the benchmark host (/bench/fanout-callers), which knows the data.
/// </summary>
public sealed class FanOut(Uri server, LoadClient client, CellMeter meter)
{
    private const string Document = "subscription Votes($partnership: ID) { voteCast(partnershipId: $partnership) { id title votes { choice castAt district { code } } } }";

    public async Task<FanOutResult> RunAsync(int subscribers, int events, JsonNode mix)
    {
        var callers = (await client.GetJsonAsync($"/bench/fanout-callers?count={subscribers}"))["callers"]!.AsArray();
        var partnership = mix["variables"]!["partnership"]!.GetValue<string>();
        var sent = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        long delivered = 0, misdelivered = 0;
        using var stop = new CancellationTokenSource();
        var sockets = new List<(ClientWebSocket Socket, Task Reader)>();
        try
        {
            foreach (var caller in callers)
            {
                var (credential, reads) = (caller!["token"]!.GetValue<string>(), caller["reads"]!.GetValue<bool>());
                var socket = new ClientWebSocket();
                socket.Options.AddSubProtocol("graphql-transport-ws");
                await socket.ConnectAsync(new UriBuilder(new Uri(server, "/graphql")) { Scheme = "ws" }.Uri, stop.Token);
                await SendAsync(socket, new { type = "connection_init", payload = new { Authorization = "Bearer " + credential } });
                if ((await ReceiveAsync(socket, stop.Token))?["type"]?.GetValue<string>() != "connection_ack") throw new InvalidOperationException("A subscriber was not acknowledged.");
                await SendAsync(socket, new { id = "votes", type = "subscribe", payload = new { query = Document, variables = new { partnership } } });
                sockets.Add((socket, Task.Run(async () =>
                {
                    while (await ReceiveAsync(socket, stop.Token) is { } message)
                    {
                        if (message["type"]?.GetValue<string>() != "next") continue;
                        var received = Stopwatch.GetTimestamp();
                        if (!reads) { Interlocked.Increment(ref misdelivered); continue; }
                        var decision = message["payload"]?["data"]?["voteCast"]?["id"]?.GetValue<string>();
                        if (decision is not null && sent.TryGetValue(decision, out var at)) latencies.Add(Stopwatch.GetElapsedTime(at, received).TotalMilliseconds);
                        Interlocked.Increment(ref delivered);
                    }
                })));
            }
            var readers = callers.Count(c => c!["reads"]!.GetValue<bool>());
            await Task.Delay(500); // every subscription registered
            var groups = (await client.GetJsonAsync("/bench/subscription-groups")).GetValue<int>();

            var (document, token, district) = (mix["document"]!.GetValue<string>(), mix["token"]!.GetValue<string>(), mix["variables"]!["district"]!.GetValue<string>());
            var statementsBefore = await client.StatementsAsync();
            await meter.BeginAsync();
            for (var i = 0; i < events; i++)
            {
                var proposed = JsonNode.Parse(await client.SendAsync(BenchRequest.GraphQL(document,
                    new JsonObject { ["partnership"] = partnership, ["deadline"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ") }, token, "ProposeDecision")))!;
                var decision = proposed["data"]!["proposeDecision"]!["decision"]!["id"]!.GetValue<string>();
                sent[decision] = Stopwatch.GetTimestamp();
                await client.SendAsync(BenchRequest.GraphQL(document, new JsonObject { ["decision"] = decision, ["district"] = district }, token, "CastVote"));
                // Wait for this event's deliveries, so each event is timed alone (at most 10 s).
                for (var wait = 0; wait < 1000 && Interlocked.Read(ref delivered) < (long)readers * (i + 1); wait++) await Task.Delay(10);
            }
            var cost = await meter.EndAsync(events);
            var statements = (await client.StatementsAsync() - statementsBefore) / (double)events;
            var sorted = latencies.Order().ToArray();
            double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
            return new FanOutResult(callers.Count, groups, readers, events, delivered, misdelivered, Percentile(50), Percentile(99), statements, cost);
        }
        finally
        {
            stop.Cancel();
            foreach (var (socket, reader) in sockets)
            {
                try { await reader; } catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
                socket.Abort();
                socket.Dispose();
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
        }
    }
}
