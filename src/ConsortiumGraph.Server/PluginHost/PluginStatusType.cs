using ConsortiumGraph.Graph;
using GraphQL;
using ConsortiumGraph.Access;
using GraphQL.Types;

namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin found in the plugins folder (or registered in process): serving, awaiting approval, rejected, or failed.</summary>
public sealed record PluginStatus(string? Key, string? Version, IReadOnlyList<string> Districts, string? Description, string? SdkVersion,
    PluginState State, string? Reason, string Source, int FieldCount, int RuleCount, string? Sha256, string? Approval)
{
    public bool Loaded => State == PluginState.Serving;

    public static IReadOnlyList<PluginStatus> Of(PluginSet plugins) =>
    [
        .. plugins.Plugins.Select(p => new PluginStatus(p.Key, p.Manifest.Version, p.Districts.Keys.ToList(), p.Manifest.Description,
            p.Loaded.SdkVersion.ToString(3), p.Loaded.Runner?.Failure is null ? PluginState.Serving : PluginState.Failed, p.Loaded.Runner?.Failure,
            Path.GetFileName(p.Loaded.Source), p.Fields.Values.Sum(f => f.Count), p.Rules.Count, p.Loaded.Sha256, p.Loaded.Approval.Detail)),
        .. plugins.Pending.Select(p => new PluginStatus(p.Manifest.Key, p.Manifest.Version, [.. p.Manifest.Districts ?? []], p.Manifest.Description,
            p.SdkVersion.ToString(3), PluginState.PendingApproval,
            $"This build (SHA-256 {p.Sha256}) is not approved: a consortium admin of its districts' consortia approves it with approvePlugin.",
            Path.GetFileName(p.Source), 0, 0, p.Sha256, null)),
        .. plugins.Rejected.Select(r => new PluginStatus(r.Key, r.Version, [], null, null, PluginState.Rejected, r.Reason, Path.GetFileName(r.Source), 0, 0, r.Sha256, null)),
    ];
}

public sealed class PluginStatusType : ObjectType<PluginStatus>
{
    public PluginStatusType()
    {
        Name = "PluginStatus";
        this.AuthorizeWithRoles(Readers.Staff);
        Description = "A district plugin the server found: serving, awaiting approval, rejected with the reason, or failed.";
        Field(p => p.Key, nullable: true).Description("The plugin's key; null when it was rejected before its manifest could be read.");
        Field(p => p.Version, nullable: true).Description("The plugin's version.");
        Field(p => p.Districts).Description("Codes of the districts it speaks for (empty when rejected).");
        Field(p => p.Description, nullable: true).Description("What the plugin adds.");
        Field(p => p.SdkVersion, nullable: true).Description("The plugin SDK version it was built against.");
        Field(p => p.State).Description("Where it stands: serving, awaiting approval, rejected or failed.");
        Field(p => p.Loaded).Description("True when its fields and rules are in the schema and serving now (state SERVING).");
        Field(p => p.Reason, nullable: true).Description("Why it is not serving; null when it serves.");
        Field(p => p.Source).Description("Its folder under the plugins path (or its type, for plugins registered in process).");
        Field(p => p.FieldCount).Description("How many local fields it adds.");
        Field(p => p.RuleCount).Description("How many local rules it adds.");
        Field(p => p.Sha256, nullable: true).Description("The SHA-256 of its folder, which approvePlugin names; null for plugins registered in process.");
        Field(p => p.Approval, nullable: true).Description("Why it may run (who approved it and when, or why no approval is needed); null when it may not.");
    }
}
