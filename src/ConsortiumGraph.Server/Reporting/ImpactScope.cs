namespace ConsortiumGraph.Reporting;

/// <summary>What one impact covers: a partnership over [From, To] (either end open), under a key the caller chooses.</summary>
public sealed class ImpactScope
{
    public int Key { get; init; }
    public int PartnershipId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}
