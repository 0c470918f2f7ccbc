using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Policy;

[Description("Changes where the consortium stands on a policy item and where the work is; what is omitted stays.")]
public sealed class UpdatePolicyInput
{
    [Description("The policy item.")]
    [Id]
    public required string Id { get; init; }
    [Description("Where the consortium stands now.")]
    public PolicyPosition? Position { get; init; }
    [Description("Where the work is now.")]
    public PolicyStatus? Status { get; init; }
    [Description("A new summary, at most 4000 characters.")]
    public string? Summary { get; init; }
    [Description("The evidence as it stands now, at most 4000 characters.")]
    public string? Evidence { get; init; }
    [Description("The ADVOCACY partnerships that carry it now (replacing the list).")]
    [Id]
    public List<string>? PartnershipIds { get; init; }
    [Description("The item's `revision` as last read; refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
