using System.Text.Json;
using System.Threading.Channels;
using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConsortiumGraph.Events;

/// <summary>
/// Events between server instances through PostgreSQL's LISTEN/NOTIFY on the consortium database: each
/// instance listens on one connection and hands what it hears to its own subscribers; publishing is a
/// NOTIFY, which every instance (the publisher too) hears once. Needs no broker beyond the database.
/// A NOTIFY sent while an instance's connection is down never reaches it, so each notification names the
/// audit entries its events come from, and an instance that listens again replays from the audit trail
/// the entries it did not hear.
/// </summary>
public sealed class PostgreSqlBackplane(IConfiguration configuration, DatabaseOptions database, EventOptions options, EventHub hub,
    IDbContextFactory<ConsortiumDb> databases, ILogger<PostgreSqlBackplane> log) : BackgroundService
{
    public const string Channel = "consortiumgraph_events";

    /// <summary>
    /// How far below the newest entry heard a replay looks again: trail ids are handed out when a row is inserted, not when
    /// its transaction commits, so a change may commit (and notify) after one with a higher id did.
    /// </summary>
    private const int Lookback = 1_000;

    /// <summary>How many trail ids heard are kept to tell a replayed entry from one already delivered.</summary>
    private const int Remembered = 10_000;

    private readonly Channel<string> _outbox = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly SortedSet<int> _heard = [];
    // The newest entry when this instance first listened: what came before is not its to deliver.
    private int? _floor;
    private int _listener;

    private string ConnectionString => database.Provider == DatabaseProvider.PostgreSql
        ? configuration.GetConnectionString("Consortium")!
        : throw new InvalidOperationException("Events:Backplane=PostgreSql needs Database:Provider=PostgreSql: the backplane uses the consortium database.");

    /// <summary>Queues a NOTIFY; events are sent in order, after the change that caused them committed.</summary>
    /// <param name="trail">The audit entries the events come from, so an instance that replays them knows it heard them.</param>
    public void Send(IReadOnlyList<ConsortiumEvent> events, IReadOnlyList<int> trail) =>
        _outbox.Writer.TryWrite(JsonSerializer.Serialize(new Notification(events, trail)));

    /// <summary>True once this instance listens: events published before that are not heard here.</summary>
    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The PostgreSQL process of the listening connection; 0 while there is none (for operators and tests).</summary>
    public int ListenerProcessId => Volatile.Read(ref _listener);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(ListenAsync(stoppingToken), NotifyAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                // Listening from here on; what was committed while this instance did not listen is in the trail.
                await ReplayAsync(ct);
                Volatile.Write(ref _listener, connection.ProcessID);
                Listening.TrySetResult();
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Volatile.Write(ref _listener, 0);
                log.LogWarning(e, "Event backplane lost its connection; listening again in {Delay}, then replaying what was missed from the audit trail", options.ReconnectDelay);
                await Task.Delay(options.ReconnectDelay, ct);
            }
        }
    }

    private void Heard(string payload)
    {
        try
        {
            // An instance of an earlier version sends the events alone.
            var notification = payload.StartsWith('[')
                ? new Notification(JsonSerializer.Deserialize<List<ConsortiumEvent>>(payload) ?? [], [])
                : JsonSerializer.Deserialize<Notification>(payload) ?? new Notification([], []);
            lock (_gate)
            {
                // Already replayed: a change that committed during the replay is both in the trail and notified. The trail
                // names the entries that are events, which a replay remembers whenever it reads them.
                if (notification.Trail.Count > 0 && notification.Trail.All(_heard.Contains)) return;
                Remember(notification.Trail);
            }
            hub.Deliver(notification.Events);
        }
        catch (JsonException error) { log.LogWarning(error, "Ignored a malformed event notification"); }
    }

    private void Remember(IEnumerable<int> trail)
    {
        foreach (var id in trail) _heard.Add(id);
        while (_heard.Count > Remembered) _heard.Remove(_heard.Min);
    }

    /// <summary>
    /// Delivers the events of the audit entries this instance has not heard, newer than the newest it heard less the
    /// lookback; on the first connection, only notes where the trail stands.
    /// </summary>
    private async Task ReplayAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.IgnoreQueryFilters().AsNoTracking();
        int from;
        // From the newest entry heard, less the lookback, never below where the trail stood at the first connection
        // (SortedSet.Max is 0 when nothing was heard, which leaves the floor).
        lock (_gate) from = _floor is { } floor ? Math.Max(floor, _heard.Max - Lookback) : -1;
        if (from < 0)
        {
            var newest = await entries.MaxAsync(e => (int?)e.Id, ct) ?? 0;
            lock (_gate) _floor = newest;
            return;
        }
        var replayed = 0;
        while (true)
        {
            var page = await entries.Where(e => e.Id > from && ConsortiumEvent.Sources.Contains(e.EntityType)).OrderBy(e => e.Id).Take(500).ToListAsync(ct);
            if (page.Count == 0) break;
            from = page[^1].Id;
            List<AuditEntry> missed;
            lock (_gate)
            {
                missed = [.. page.Where(e => !_heard.Contains(e.Id))];
                Remember(missed.Select(e => e.Id));
            }
            var events = missed.Select(ConsortiumEvent.Of).OfType<ConsortiumEvent>().Distinct().ToList();
            hub.Deliver(events);
            replayed += events.Count;
        }
        if (replayed > 0) log.LogInformation("Event backplane replayed {Count} event(s) missed while it did not listen", replayed);
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
                // The change is in the trail: instances replay it when their own connection comes back, not before.
                log.LogError(e, "Event backplane could not publish; subscribers on other instances miss these events until their next reconnection");
            }
        }
    }

    private sealed record Notification(IReadOnlyList<ConsortiumEvent> Events, IReadOnlyList<int> Trail);
}
