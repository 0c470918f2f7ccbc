namespace ConsortiumGraph.Plugins;

/// <summary>How a commitment is going.</summary>
public enum CommitmentStatus
{
    /// <summary>Committed to; work not started.</summary>
    Planned,
    /// <summary>Under way and expected to be done by its due date.</summary>
    OnTrack,
    /// <summary>Under way, but the due date or resources are in doubt.</summary>
    AtRisk,
    /// <summary>Delivered.</summary>
    Done,
    /// <summary>Withdrawn by the member.</summary>
    Dropped,
}
