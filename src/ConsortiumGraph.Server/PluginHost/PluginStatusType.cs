using GraphQL;
using ConsortiumGraph.Access;
using GraphQL.Types;

namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin found in the plugins folder (or registered in process), loaded or rejected.</summary>
public sealed record PluginStatus(string? Key, string? Version, IReadOnlyList<string> Districts, string? Description, string? SdkVersion,
    bool Loaded, string? Reason, string Source, int FieldCount, int RuleCount)
{
    public static IReadOnlyList<PluginStatus> Of(PluginSet plugins) =>
    [
        .. plugins.Plugins.Select(p => new PluginStatus(p.Key, p.Manifest.Version, p.Districts.Keys.ToList(), p.Manifest.Description,
            p.Loaded.SdkVersion.ToString(3), true, null, Path.GetFileName(p.Loaded.Source), p.Fields.Values.Sum(f => f.Count), p.Rules.Count)),
        .. plugins.Rejected.Select(r => new PluginStatus(r.Key, r.Version, [], null, null, false, r.Reason, Path.GetFileName(r.Source), 0, 0)),
    ];
}

public sealed class PluginStatusType : ObjectGraphType<PluginStatus>
{
    public PluginStatusType()
    {
        Name = "PluginStatus";
        this.AuthorizeWithRoles(Readers.Staff);
        Description = "A district plugin the server found: loaded and serving, or rejected with the reason.";
        Field(p => p.Key, nullable: true).Description("The plugin's key; null when it was rejected before its manifest could be read.");
        Field(p => p.Version, nullable: true).Description("The plugin's version.");
        Field(p => p.Districts).Description("Codes of the districts it speaks for (empty when rejected).");
        Field(p => p.Description, nullable: true).Description("What the plugin adds.");
        Field(p => p.SdkVersion, nullable: true).Description("The plugin SDK version it was built against.");
        Field(p => p.Loaded).Description("True when its fields and rules are in the schema now.");
        Field(p => p.Reason, nullable: true).Description("Why it was rejected; null when loaded.");
        Field(p => p.Source).Description("Its folder under the plugins path (or its type, for plugins registered in process).");
        Field(p => p.FieldCount).Description("How many local fields it adds.");
        Field(p => p.RuleCount).Description("How many local rules it adds.");
    }
}
