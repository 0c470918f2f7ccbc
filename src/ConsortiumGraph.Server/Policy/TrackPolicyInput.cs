using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Policy;

[Description("Starts tracking a state policy or barrier the consortium works on.")]
public sealed class TrackPolicyInput
{
    [Description("The consortium.")]
    [Id]
    public required string ConsortiumId { get; init; }
    [Description("The two-letter state whose policy it is: one of the consortium's members' states.")]
    public required string State { get; init; }
    [Description("Its name (\"Proficiency-based graduation requirements\"), unique for the state in the consortium; at most 200 characters.")]
    public required string Title { get; init; }
    [Description("STATUTE, REGULATION or GUIDANCE.")]
    public PolicyKind Kind { get; init; }
    [Description("Where the consortium stands; MONITOR when omitted.")]
    public PolicyPosition? Position { get; init; }
    [Description("What it says and why it matters to the members, at most 4000 characters.")]
    public string? Summary { get; init; }
    [Description("The evidence the consortium brings, at most 4000 characters.")]
    public string? Evidence { get; init; }
    [Description("The consortium's ADVOCACY partnerships that carry it.")]
    [Id]
    public List<string>? PartnershipIds { get; init; }
}
