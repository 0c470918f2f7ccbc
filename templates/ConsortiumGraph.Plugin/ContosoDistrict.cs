using ConsortiumGraph.Plugins;

namespace ContosoDistrict;

/// <summary>The district's local fields and rules. Register only declares them: do no I/O here.</summary>
public sealed class ContosoDistrictPlugin : IDistrictPlugin
{
    public PluginManifest Manifest { get; } = new()
    {
        Key = "PLUGIN_KEY",
        Districts = ["DISTRICT_CODE"],
        Version = "0.1.0",
        Description = "What this district records and requires beyond the consortium's core.",
    };

    public void Register(PluginBuilder plugin)
    {
        // A stored field: the server keeps its values; setLocalFields writes them, checked against the type.
        plugin.Commitment.Stored("localProgramCode", LocalFieldType.String, "The district's own program code for the commitment.");

        // A computed field: one call for a whole list of districts. Return one value per entity, in order.
        plugin.District.Computed("studentsPerStaffFte", LocalFieldType.Decimal, "Students per FTE of staff capacity for consortium work.",
            (districts, _) => Task.FromResult<IReadOnlyList<object?>>(districts
                .Select(d => d.Entity.StaffCapacityFte is > 0 and var fte ? (object?)Math.Round(d.Entity.Enrollment / (decimal)fte, 1) : null)
                .ToList()));

        // A rule: runs for changes involving this district, after the consortium's own rules passed.
        plugin.Rule<ProposedCommitment>("PROGRAM_CODE_REQUIRED", "Commitments with dollars name the district's program code.",
            (change, _) => change.Dollars > 0 && !change.Local.Has("localProgramCode")
                ? [Violation.Block("Give the commitment's `localProgramCode` (local.PLUGIN_KEY) so finance can book it.", "local")]
                : Violation.None);
    }
}
