using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Decisions;

/// <summary>
/// Stores EXPIRED on open decisions whose deadline passed, so filters by status (which run in SQL)
/// agree with what the `status` field shows. Runs at start and then every minute, on every instance.
/// </summary>
/// <remarks>
/// Each expiry is saved with its audit entry, as a mutation's change is, and announced from it: an instance whose
/// backplane connection was down replays decisionClosed from that entry, and admins read in the trail who closed it.
/// Instances sweep at the same time; the decision's revision makes one of them expire it and the others find it closed.
/// </remarks>
public sealed class DecisionDeadlines(IDbContextFactory<ConsortiumDb> databases, TimeProvider clock, Events.EventHub events, ILogger<DecisionDeadlines> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>The audit trail's subject and operation for an expiry: the server, not a caller.</summary>
    public const string Subject = "system:decision-deadline", Operation = "decision deadline";

    private static readonly Access.Caller Sweeper = new(null, Subject, new HashSet<int>(), [], [], null, []);

    /// <summary>Expires the open decisions past their deadline; how many this call expired.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var due = await db.Decisions.Where(d => d.Status == DecisionStatus.Open && d.Deadline <= now).ToListAsync(cancellationToken);
            if (due.Count == 0) return 0;
            foreach (var decision in due)
            {
                decision.Status = DecisionStatus.Expired;
                decision.ClosedAt = decision.Deadline;
                decision.Revise();
            }
            try
            {
                var audited = await Access.AuditEntry.SaveAuditedAsync(db, Sweeper, Operation, now, [], () => Access.AuditScope.OfAsync(db, due), cancellationToken);
                // Subscribers to decisionClosed hear of expiries too.
                events.Publish(audited.Select(a => a.Entry).ToList());
                return due.Count;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // A last vote or another instance's sweep closed one of them meanwhile: nothing was saved; look again.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var expired = await ExpireAsync(stoppingToken);
                if (expired > 0) logger.LogInformation("{Count} decision(s) reached their deadline and expired.", expired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not expire decisions past their deadline; retrying in {Interval}.", Interval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
