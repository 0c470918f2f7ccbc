using System.ComponentModel;

namespace ConsortiumGraph.Reporting;

[Description("What a roll-up groups districts, or schools, by.")]
public enum RollupGroup
{
    [Description("All the consortium's districts together.")] Consortium,
    [Description("Districts of each state.")] State,
    [Description("Districts of each NCES locale.")] Locale,
    [Description("The members of each partnership (a district in two partnerships counts in both).")] Partnership,
    [Description("Each district on its own.")] District,
    [Description("Each school on its own (school indicators).")] School,
    [Description("The active member schools of each of the consortium's Leagues (school indicators).")] League,
    [Description("The League schools working on each dimension of the framework in force: open improvement commitments on it; a school on two counts in both (school indicators).")] Dimension,
}
