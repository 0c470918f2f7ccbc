namespace ConsortiumGraph.Plugins;

/// <summary>The kind of collaboration a partnership is.</summary>
public enum PartnershipKind
{
    /// <summary>Buying together for a consortium price instead of each district's standalone price.</summary>
    JointPurchasing,
    /// <summary>A service run once for several districts.</summary>
    SharedService,
    /// <summary>An employee whose time is split across districts by FTE.</summary>
    SharedStaff,
    /// <summary>A specialized course offered to students of other districts, by seats.</summary>
    SharedCourse,
    /// <summary>A professional learning network with peer-to-peer accountability.</summary>
    ProfessionalLearning,
    /// <summary>Speaking together on state and local policy.</summary>
    Advocacy,
    /// <summary>A project funded by a grant, with one district as fiscal agent.</summary>
    GrantProject,
}
