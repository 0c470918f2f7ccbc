using System.ComponentModel;

namespace ConsortiumGraph.PluginHost;

[Description("An approved plugin build to stop serving.")]
public sealed class RevokePluginApprovalInput
{
    [Description("The plugin's key.")]
    public required string Key { get; init; }

    [Description("The SHA-256 of the approved build.")]
    public required string Sha256 { get; init; }
}
