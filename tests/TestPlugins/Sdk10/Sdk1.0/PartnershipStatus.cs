namespace ConsortiumGraph.Plugins;

/// <summary>Where a partnership is in its lifecycle.</summary>
public enum PartnershipStatus
{
    /// <summary>Agreed in principle; not every member has signed the current agreement yet.</summary>
    Proposed,
    /// <summary>Every member signed the agreement; work is under way.</summary>
    Active,
    /// <summary>The work was finished as agreed.</summary>
    Completed,
    /// <summary>Ended before completion.</summary>
    Dissolved,
}
