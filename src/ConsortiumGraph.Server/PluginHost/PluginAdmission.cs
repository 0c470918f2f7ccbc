namespace ConsortiumGraph.PluginHost;

/// <summary>What the server decided on a build from its manifest alone: why it is rejected, or why it may run (null: it awaits approval).</summary>
public sealed record PluginAdmission(PluginApprovalState? Approval, string? Problem);
