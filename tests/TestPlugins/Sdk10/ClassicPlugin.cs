using ConsortiumGraph.Plugins;

namespace Sdk10;

/// <summary>A plugin as a district built it against SDK 1.0.0: a computed field reading members' roles, and a rule on commitments.</summary>
public sealed class ClassicPlugin : IDistrictPlugin
{
    public PluginManifest Manifest { get; } = new() { Key = "classic", Districts = ["3300710"], Version = "1.0.0", Description = "Built against SDK 1.0.0." };

    public void Register(PluginBuilder plugin)
    {
        plugin.Partnership.Computed("leadCode", LocalFieldType.String, "The lead member's district code, as SDK 1.0 reads it.",
            (partnerships, _) => Task.FromResult<IReadOnlyList<object?>>(partnerships
                .Select(p => (object?)p.Entity.Members.FirstOrDefault(m => m.Role == MemberRole.Lead)?.DistrictCode).ToList()));
        plugin.Rule<ProposedCommitment>("NO_UNFUNDED_PROMISES", "A commitment names its dollars.",
            (change, _) => change.Dollars is null ? [Violation.Block("Granite Falls commits only with a dollar figure.", "dollars")] : Violation.None);
    }
}
