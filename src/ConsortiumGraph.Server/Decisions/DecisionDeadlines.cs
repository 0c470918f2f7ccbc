using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Decisions;

/// <summary>
/// Stores EXPIRED on open decisions whose deadline passed, so filters by status (which run in SQL)
/// agree with what the `status` field shows. Runs at start and then every minute.
/// </summary>
public sealed class DecisionDeadlines(IDbContextFactory<ConsortiumDb> databases, TimeProvider clock, Events.EventHub events, ILogger<DecisionDeadlines> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var due = await db.Decisions.Where(d => d.Status == DecisionStatus.Open && d.Deadline <= now).Select(d => d.Id).ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;
        var expired = await db.Decisions
            .Where(d => due.Contains(d.Id) && d.Status == DecisionStatus.Open)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DecisionStatus.Expired)
                .SetProperty(d => d.ClosedAt, d => d.Deadline)
                .SetProperty(d => d.Revision, d => d.Revision + 1), cancellationToken);
        // Subscribers to decisionClosed hear of expiries too; a decision a last vote closed meanwhile is not EXPIRED and not announced here.
        var closed = await db.Decisions.Where(d => due.Contains(d.Id) && d.Status == DecisionStatus.Expired).Select(d => d.Id).ToListAsync(cancellationToken);
        events.Publish(closed.Select(id => new Events.ConsortiumEvent(Events.ConsortiumEvent.DecisionClosed, id)));
        return expired;
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
