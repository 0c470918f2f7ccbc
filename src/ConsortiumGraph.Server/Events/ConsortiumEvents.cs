using System.Collections.Immutable;
using System.Text.Json;
using ConsortiumGraph.Access;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Events;

/// <summary>Something subscribers hear about: what happened, and to which row.</summary>
public sealed record ConsortiumEvent(string Kind, int EntityId)
{
    public const string VoteCast = "VoteCast", DecisionClosed = "DecisionClosed", CommitmentChanged = "CommitmentChanged",
        PartnershipStatusChanged = "PartnershipStatusChanged", AgreementSigned = "AgreementSigned", AgreementVersionAdded = "AgreementVersionAdded",
        VisitScheduled = "VisitScheduled", VisitFeedbackGiven = "VisitFeedbackGiven", PracticeShared = "PracticeShared",
        // Not a subscription field: closes the WebSockets opened with the key, on every instance.
        ApiKeyRevoked = "ApiKeyRevoked";

    /// <summary>
    /// Which change to a row of each audited type is an event, read from its audit entry alone (so events exist only for
    /// changes that were saved): the mutation that saved them publishes these, and an instance that missed them while its
    /// backplane connection was down derives the same events from the same stored entries.
    /// </summary>
    private static readonly Dictionary<string, Func<AuditEntry, Trail, ConsortiumEvent?>> Rules = new()
    {
        [nameof(Decisions.Vote)] = (e, t) => t.Added && t.Key(nameof(Decisions.Vote.DecisionId)) is { } decision ? new(VoteCast, decision) : null,
        [nameof(Decisions.Decision)] = (e, t) => t.Value(nameof(Decisions.Decision.Status)) is { } status && status.GetString() != nameof(Decisions.DecisionStatus.Open)
            ? new(DecisionClosed, e.EntityId) : null,
        [nameof(Commitments.Commitment)] = (e, _) => new(CommitmentChanged, e.EntityId),
        [nameof(Commitments.ProgressUpdate)] = (_, t) => t.Key(nameof(Commitments.ProgressUpdate.CommitmentId)) is { } commitment ? new(CommitmentChanged, commitment) : null,
        // A status change, not a new partnership (proposed is where every partnership starts).
        [nameof(Partnerships.Partnership)] = (e, t) => e.Action == nameof(EntityState.Modified) && t.Value(nameof(Partnerships.Partnership.Status)) is not null
            ? new(PartnershipStatusChanged, e.EntityId) : null,
        [nameof(Agreements.Agreement)] = (e, t) => t.Added && t.Key(nameof(Agreements.Agreement.Version)) > 1 ? new(AgreementVersionAdded, e.EntityId) : null,
        [nameof(Agreements.Signature)] = (_, t) => t.Key(nameof(Agreements.Signature.AgreementId)) is { } agreement ? new(AgreementSigned, agreement) : null,
        [nameof(Leagues.PeerVisit)] = (e, t) => t.Added ? new(VisitScheduled, e.EntityId) : null,
        [nameof(Leagues.VisitFeedback)] = (_, t) => t.Key(nameof(Leagues.VisitFeedback.VisitId)) is { } visit ? new(VisitFeedbackGiven, visit) : null,
        [nameof(Leagues.SharedPractice)] = (e, _) => new(PracticeShared, e.EntityId),
        [nameof(ApiKey)] = (e, t) => t.After(nameof(ApiKey.RevokedAt)) is not null ? new(ApiKeyRevoked, e.EntityId) : null,
    };

    /// <summary>The audit trail's entity types that events come from: a replay reads only their entries.</summary>
    public static readonly string[] Sources = [.. Rules.Keys];

    /// <summary>The event one audit entry records; null when the change is none that subscribers hear of.</summary>
    public static ConsortiumEvent? Of(AuditEntry entry) => Rules.TryGetValue(entry.EntityType, out var rule) ? rule(entry, new Trail(entry)) : null;

    /// <summary>The fields an audit entry changed, read from its JSON once and only when a rule asks.</summary>
    private sealed class Trail(AuditEntry entry)
    {
        private Dictionary<string, JsonElement[]>? _changes;
        private Dictionary<string, JsonElement[]> Changes => _changes ??= JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(entry.Changes) ?? [];

        public bool Added => entry.Action == nameof(EntityState.Added);

        /// <summary>The value after the change, when it has one.</summary>
        public JsonElement? After(string field) => Changes.TryGetValue(field, out var pair) && pair is [_, { ValueKind: not JsonValueKind.Null } after] ? after : null;

        /// <summary>The value after the change; a deleted row's, before it.</summary>
        public JsonElement? Value(string field) => After(field)
            ?? (Changes.TryGetValue(field, out var pair) && pair is [{ ValueKind: not JsonValueKind.Null } before, _] ? before : null);

        public int? Key(string field) => Value(field) is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : null;
    }
}

public enum EventBackplaneKind { None, PostgreSql }

/// <summary><c>Events:Backplane</c>: None for one instance; PostgreSql (LISTEN/NOTIFY on the consortium database) for several behind a load balancer.</summary>
public sealed class EventOptions
{
    public EventBackplaneKind Backplane { get; set; } = EventBackplaneKind.None;

    /// <summary>How long the backplane waits before listening again after its connection was lost.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Delivers events to this instance's subscribers. Events are published after the transaction that
/// caused them commits, so a rolled-back change is never announced.
/// </summary>
public sealed class EventHub(EventOptions options, IServiceProvider services) : IObservable<ConsortiumEvent>
{
    private readonly Lock _gate = new();
    private ImmutableList<Action<ConsortiumEvent>> _subscribers = [];

    /// <summary>
    /// Announces what a committed change's audit entries say happened: to this instance's subscribers, or through the
    /// backplane to every instance's. Every event comes from an entry, so an instance that missed the announcement
    /// replays it from the trail.
    /// </summary>
    public void Publish(IReadOnlyList<AuditEntry> trail)
    {
        // The entries that are events, by id: an instance that replays the trail knows them by these.
        var caused = trail.Select(e => (e.Id, Event: ConsortiumEvent.Of(e))).Where(c => c.Event is not null).ToList();
        var events = caused.Select(c => c.Event!).Distinct().ToList();
        if (events.Count == 0) return;
        if (options.Backplane == EventBackplaneKind.PostgreSql)
            services.GetRequiredService<PostgreSqlBackplane>().Send(events, [.. caused.Select(c => c.Id)]);
        else
            Deliver(events);
    }

    /// <summary>Hands events to this instance's subscribers.</summary>
    public void Deliver(IEnumerable<ConsortiumEvent> events)
    {
        var subscribers = _subscribers;
        foreach (var e in events)
            foreach (var subscriber in subscribers)
                subscriber(e);
    }

    public IDisposable Subscribe(Action<ConsortiumEvent> subscriber)
    {
        lock (_gate) _subscribers = _subscribers.Add(subscriber);
        return new Unsubscriber(() => { lock (_gate) _subscribers = _subscribers.Remove(subscriber); });
    }

    public IDisposable Subscribe(IObserver<ConsortiumEvent> observer) => Subscribe(observer.OnNext);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
