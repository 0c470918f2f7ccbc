namespace ConsortiumGraph.PluginHost;

/// <summary>Why a plugin build may run.</summary>
public sealed record PluginApprovalState(PluginApprovalKind Kind, string Detail, PluginApproval? Approval);

/// <summary>The kinds of <see cref="PluginApprovalState"/>.</summary>
public enum PluginApprovalKind
{
    /// <summary>A consortium admin approved this build.</summary>
    Approved,
    /// <summary>This server does not require approval (Development, or <c>Plugins:RequireApproval=false</c>).</summary>
    NotRequired,
    /// <summary>A sample plugin of the demo data, approved with it.</summary>
    Demo,
    /// <summary>Registered in process by the host's own code (the test kit); not loaded from the plugins folder.</summary>
    InProcess,
}
