namespace ConsortiumGraph.Leagues;

/// <summary>
/// What the complexity limit expects of the League's small lists, which are not paged: they grow with a framework's
/// dimensions and a school's years, not with the data of a whole installation, so they are priced at their real size
/// rather than as a page of rows.
/// </summary>
internal static class Bounded
{
    /// <summary>Dimensions in a framework (a few; the demo's has six).</summary>
    public const int Dimensions = 12;
    /// <summary>School years of self-assessments a school has (or frameworks a League has had).</summary>
    public const int Years = 10;
    public const int Versions = 10;
    /// <summary>Peer visits a school hosts or makes, and practices it shares, over its years in the League.</summary>
    public const int Visits = 30;
    /// <summary>Dimension and school-year pairs in a League's distribution.</summary>
    public const int DimensionYears = Dimensions * Years;
}
