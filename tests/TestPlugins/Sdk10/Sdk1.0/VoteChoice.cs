namespace ConsortiumGraph.Plugins;

/// <summary>A member's vote.</summary>
public enum VoteChoice
{
    /// <summary>For.</summary>
    Yes,
    /// <summary>Against.</summary>
    No,
    /// <summary>Counted as a vote cast, neither for nor against.</summary>
    Abstain,
}
