using System.ComponentModel;

namespace ConsortiumGraph.Reporting;

[Description("What a roll-up groups districts by.")]
public enum RollupGroup
{
    [Description("All the consortium's districts together.")] Consortium,
    [Description("Districts of each state.")] State,
    [Description("Districts of each NCES locale.")] Locale,
    [Description("The members of each partnership (a district in two partnerships counts in both).")] Partnership,
    [Description("Each district on its own.")] District,
}
