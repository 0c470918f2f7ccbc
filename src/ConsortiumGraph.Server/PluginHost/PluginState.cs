using System.ComponentModel;

namespace ConsortiumGraph.PluginHost;

[Description("Where a district plugin stands on this server.")]
public enum PluginState
{
    [Description("Its fields and rules are in the schema and its runner answers.")] Serving,
    [Description("Its build awaits approval (approvePlugin): only its manifest was read, in its runner; nothing of it serves.")] PendingApproval,
    [Description("It could not be loaded or composed; `reason` says why.")] Rejected,
    [Description("Its runner kept failing: its fields answer PLUGIN_FAILED and its rules block changes until its folder changes or the server restarts.")] Failed,
}
