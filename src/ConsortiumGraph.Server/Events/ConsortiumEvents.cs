using System.Collections.Immutable;
using ConsortiumGraph.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ConsortiumGraph.Events;

/// <summary>Something subscribers hear about: what happened, and to which row.</summary>
public sealed record ConsortiumEvent(string Kind, int EntityId)
{
    public const string VoteCast = "VoteCast", DecisionClosed = "DecisionClosed", CommitmentChanged = "CommitmentChanged",
        PartnershipStatusChanged = "PartnershipStatusChanged", AgreementSigned = "AgreementSigned", AgreementVersionAdded = "AgreementVersionAdded",
        VisitScheduled = "VisitScheduled", VisitFeedbackGiven = "VisitFeedbackGiven", PracticeShared = "PracticeShared",
        // Not a subscription field: closes the WebSockets opened with the key, on every instance.
        ApiKeyRevoked = "ApiKeyRevoked";

    /// <summary>The events a committed mutation caused, read from its audit entries (so they exist only for changes that were saved).</summary>
    public static IEnumerable<ConsortiumEvent> From(IEnumerable<(AuditEntry Entry, EntityEntry Source)> changes)
    {
        foreach (var (entry, source) in changes)
        {
            switch (source.Entity)
            {
                case Decisions.Vote vote when entry.Action == nameof(EntityState.Added):
                    yield return new(VoteCast, vote.DecisionId);
                    break;
                case Decisions.Decision decision when entry.Changes.Contains("\"Status\"") && decision.Status != Decisions.DecisionStatus.Open:
                    yield return new(DecisionClosed, decision.Id);
                    break;
                case Commitments.Commitment commitment:
                    yield return new(CommitmentChanged, commitment.Id);
                    break;
                case Commitments.ProgressUpdate progress:
                    yield return new(CommitmentChanged, progress.CommitmentId);
                    break;
                // A status change, not a new partnership (proposed is where every partnership starts).
                case Partnerships.Partnership partnership when entry.Action == nameof(EntityState.Modified) && entry.Changes.Contains("\"Status\""):
                    yield return new(PartnershipStatusChanged, partnership.Id);
                    break;
                case Agreements.Agreement agreement when entry.Action == nameof(EntityState.Added) && agreement.Version > 1:
                    yield return new(AgreementVersionAdded, agreement.Id);
                    break;
                case Agreements.Signature signature:
                    yield return new(AgreementSigned, signature.AgreementId);
                    break;
                case Leagues.PeerVisit visit when entry.Action == nameof(EntityState.Added):
                    yield return new(VisitScheduled, visit.Id);
                    break;
                case Leagues.VisitFeedback feedback:
                    yield return new(VisitFeedbackGiven, feedback.VisitId);
                    break;
                case Leagues.SharedPractice practice:
                    yield return new(PracticeShared, practice.Id);
                    break;
                case ApiKey key when key.RevokedAt is not null && entry.Changes.Contains("\"RevokedAt\""):
                    yield return new(ApiKeyRevoked, key.Id);
                    break;
            }
        }
    }
}

public enum EventBackplaneKind { None, PostgreSql }

/// <summary><c>Events:Backplane</c>: None for one instance; PostgreSql (LISTEN/NOTIFY on the consortium database) for several behind a load balancer.</summary>
public sealed class EventOptions
{
    public EventBackplaneKind Backplane { get; set; } = EventBackplaneKind.None;
}

/// <summary>
/// Delivers events to this instance's subscribers. Events are published after the transaction that
/// caused them commits, so a rolled-back change is never announced.
/// </summary>
public sealed class EventHub(EventOptions options, IServiceProvider services) : IObservable<ConsortiumEvent>
{
    private readonly Lock _gate = new();
    private ImmutableList<Action<ConsortiumEvent>> _subscribers = [];

    /// <summary>Announces committed changes: to this instance's subscribers, or through the backplane to every instance's.</summary>
    public void Publish(IEnumerable<ConsortiumEvent> events)
    {
        var distinct = events.Distinct().ToList();
        if (distinct.Count == 0) return;
        if (options.Backplane == EventBackplaneKind.PostgreSql)
            services.GetRequiredService<PostgreSqlBackplane>().Send(distinct);
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
