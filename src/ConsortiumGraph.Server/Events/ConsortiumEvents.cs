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

    /// <summary>The audit trail's entity types that events come from: a replay reads only their entries.</summary>
    public static readonly string[] Sources =
    [
        nameof(Decisions.Vote), nameof(Decisions.Decision), nameof(Commitments.Commitment), nameof(Commitments.ProgressUpdate), nameof(Partnerships.Partnership),
        nameof(Agreements.Agreement), nameof(Agreements.Signature), nameof(Leagues.PeerVisit), nameof(Leagues.VisitFeedback), nameof(Leagues.SharedPractice), nameof(ApiKey),
    ];

    /// <summary>
    /// The events a committed change caused, read from its audit entries alone (so they exist only for changes that
    /// were saved): the mutation that saved them publishes these, and an instance that missed them while its backplane
    /// connection was down derives the same events from the same stored entries.
    /// </summary>
    public static IEnumerable<ConsortiumEvent> From(IEnumerable<AuditEntry> entries)
    {
        foreach (var entry in entries)
        {
            var added = entry.Action == nameof(EntityState.Added);
            var changes = new Lazy<Dictionary<string, JsonElement[]>>(() => JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(entry.Changes) ?? []);
            // The value after the change; a deleted row's, before it.
            JsonElement? Value(string field) => changes.Value.TryGetValue(field, out var pair) && pair.Length == 2
                ? (pair[1].ValueKind != JsonValueKind.Null ? pair[1] : pair[0].ValueKind != JsonValueKind.Null ? pair[0] : null) : null;
            int? Key(string field) => Value(field) is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : null;
            ConsortiumEvent? e = entry.EntityType switch
            {
                nameof(Decisions.Vote) when added && Key(nameof(Decisions.Vote.DecisionId)) is { } decision => new(VoteCast, decision),
                nameof(Decisions.Decision) when Value(nameof(Decisions.Decision.Status)) is { } status && status.GetString() != nameof(Decisions.DecisionStatus.Open) =>
                    new(DecisionClosed, entry.EntityId),
                nameof(Commitments.Commitment) => new(CommitmentChanged, entry.EntityId),
                nameof(Commitments.ProgressUpdate) when Key(nameof(Commitments.ProgressUpdate.CommitmentId)) is { } commitment => new(CommitmentChanged, commitment),
                // A status change, not a new partnership (proposed is where every partnership starts).
                nameof(Partnerships.Partnership) when entry.Action == nameof(EntityState.Modified) && Value(nameof(Partnerships.Partnership.Status)) is not null =>
                    new(PartnershipStatusChanged, entry.EntityId),
                nameof(Agreements.Agreement) when added && Key(nameof(Agreements.Agreement.Version)) > 1 => new(AgreementVersionAdded, entry.EntityId),
                nameof(Agreements.Signature) when Key(nameof(Agreements.Signature.AgreementId)) is { } agreement => new(AgreementSigned, agreement),
                nameof(Leagues.PeerVisit) when added => new(VisitScheduled, entry.EntityId),
                nameof(Leagues.VisitFeedback) when Key(nameof(Leagues.VisitFeedback.VisitId)) is { } visit => new(VisitFeedbackGiven, visit),
                nameof(Leagues.SharedPractice) => new(PracticeShared, entry.EntityId),
                nameof(ApiKey) when changes.Value.TryGetValue(nameof(ApiKey.RevokedAt), out var revoked) && revoked is [_, { ValueKind: not JsonValueKind.Null }] =>
                    new(ApiKeyRevoked, entry.EntityId),
                _ => null,
            };
            if (e is not null) yield return e;
        }
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

    /// <summary>Announces what a committed change's audit entries say happened.</summary>
    public void Publish(IReadOnlyList<AuditEntry> trail) => Publish(ConsortiumEvent.From(trail), [.. trail.Select(e => e.Id)]);

    /// <summary>Announces committed changes: to this instance's subscribers, or through the backplane to every instance's.</summary>
    /// <param name="trail">The audit entries the events come from; none for a change that is not audited (a decision's deadline passing).</param>
    public void Publish(IEnumerable<ConsortiumEvent> events, IReadOnlyList<int>? trail = null)
    {
        var distinct = events.Distinct().ToList();
        if (distinct.Count == 0) return;
        if (options.Backplane == EventBackplaneKind.PostgreSql)
            services.GetRequiredService<PostgreSqlBackplane>().Send(distinct, trail ?? []);
        else
            Deliver(distinct);
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
