using System.ComponentModel;

namespace ConsortiumGraph.PluginHost;

[Description("A plugin build to approve, as `plugins` lists it awaiting approval: its key and the SHA-256 of its folder.")]
public sealed class ApprovePluginInput
{
    [Description("The plugin's key.")]
    public required string Key { get; init; }

    [Description("The SHA-256 of the build's folder, as `plugins { sha256 }` shows it (and `plugins validate` prints it); approving names exactly what was reviewed.")]
    public required string Sha256 { get; init; }
}
