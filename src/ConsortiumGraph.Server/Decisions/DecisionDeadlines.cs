using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Decisions;

/// <summary>
/// Stores EXPIRED on open decisions whose deadline passed, so filters by status (which run in SQL)
/// agree with what the `status` field shows. Runs at start and then every minute.
/// </summary>
public sealed class DecisionDeadlines(IDbContextFactory<ConsortiumDb> databases, TimeProvider clock, ILogger<DecisionDeadlines> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Decisions
            .Where(d => d.Status == DecisionStatus.Open && d.Deadline <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DecisionStatus.Expired)
                .SetProperty(d => d.ClosedAt, d => d.Deadline)
                .SetProperty(d => d.Revision, d => d.Revision + 1), cancellationToken);
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
