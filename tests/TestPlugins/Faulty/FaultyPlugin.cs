using ConsortiumGraph.Plugins;

namespace Faulty;

/// <summary>Loads fine, then throws in a computed field and in a rule: each failure must stay on that field or that mutation.</summary>
public sealed class FaultyPlugin : IDistrictPlugin
{
    public PluginManifest Manifest { get; } = new() { Key = "faulty", Districts = ["3300710"], Version = "0.1.0", Description = "Throws in a resolver and in a rule." };

    public void Register(PluginBuilder plugin)
    {
        plugin.District
            .Stored("note", LocalFieldType.String, "A note that resolves fine.")
            .Computed("riskScore", LocalFieldType.Int, "Always throws.", (_, _) => throw new InvalidOperationException("risk model unavailable"));
        plugin.Rule<ProposedCommitment>("ALWAYS_THROWS", "Always throws.", (_, _) => Fail());
    }

    private static IEnumerable<Violation> Fail() => throw new InvalidOperationException("rule engine unavailable");
}
