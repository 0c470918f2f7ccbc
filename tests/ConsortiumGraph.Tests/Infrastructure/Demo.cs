namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>Counts of the demo data that several tests rely on, in one place.</summary>
public static class Demo
{
    /// <summary>The directory's districts: Northern's twelve members, and the League's charter school and career-technical center, members of no consortium.</summary>
    public const int Districts = 14;
}
