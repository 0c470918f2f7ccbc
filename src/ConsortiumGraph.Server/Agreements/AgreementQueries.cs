using ConsortiumGraph.Data;
using ConsortiumGraph.Partnerships;

namespace ConsortiumGraph.Agreements;

public static class AgreementQueries
{
    public const int MaxWindowDays = 3660;

    /// <summary>In-force agreements of open partnerships whose term ends within <paramref name="withinDays"/> of <paramref name="today"/> (or has ended).</summary>
    public static IQueryable<Agreement> Expiring(ConsortiumDb db, DateOnly today, int withinDays)
    {
        var until = today.AddDays(Math.Clamp(withinDays, 0, MaxWindowDays));
        return db.Agreements.Where(a => a.Status == AgreementStatus.InForce && a.ExpiresOn != null && a.ExpiresOn <= until
            && (a.Partnership.Status == PartnershipStatus.Proposed || a.Partnership.Status == PartnershipStatus.Active));
    }
}
