using System.Text.Json;
using System.Threading.Channels;
using ConsortiumGraph.Data;
using Npgsql;

namespace ConsortiumGraph.Events;

/// <summary>
/// Events between server instances through PostgreSQL's LISTEN/NOTIFY on the consortium database: each
/// instance listens on one connection and hands what it hears to its own subscribers; publishing is a
/// NOTIFY, which every instance (the publisher too) hears once. Needs no broker beyond the database.
/// </summary>
public sealed class PostgreSqlBackplane(IConfiguration configuration, DatabaseOptions database, EventHub hub, ILogger<PostgreSqlBackplane> log) : BackgroundService
{
    public const string Channel = "consortiumgraph_events";
    private readonly Channel<string> _outbox = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    private string ConnectionString => database.Provider == DatabaseProvider.PostgreSql
        ? configuration.GetConnectionString("Consortium")!
        : throw new InvalidOperationException("Events:Backplane=PostgreSql needs Database:Provider=PostgreSql: the backplane uses the consortium database.");

    /// <summary>Queues a NOTIFY; events are sent in order, after the change that caused them committed.</summary>
    public void Send(IReadOnlyList<ConsortiumEvent> events) => _outbox.Writer.TryWrite(JsonSerializer.Serialize(events));

    /// <summary>True once this instance listens: events published before that are not heard here.</summary>
    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(ListenAsync(stoppingToken), NotifyAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) =>
                {
                    try { hub.Deliver(JsonSerializer.Deserialize<List<ConsortiumEvent>>(e.Payload) ?? []); }
                    catch (JsonException error) { log.LogWarning(error, "Ignored a malformed event notification"); }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                Listening.TrySetResult();
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database went away: events published meanwhile are missed; listen again shortly.
                log.LogWarning(e, "Event backplane lost its connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
        }
    }

    private async Task NotifyAsync(CancellationToken ct)
    {
        await foreach (var payload in _outbox.Reader.ReadAllAsync(ct))
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync(ct);
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", payload);
                await notify.ExecuteNonQueryAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Event backplane could not publish; subscribers on other instances miss these events");
            }
        }
    }
}
