using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Partnerships;

[Description("Changes to a PROPOSED or ACTIVE partnership's name, shared goal or dates; fields left out keep their values.")]
public sealed class UpdatePartnershipInput
{
    [Description("The partnership.")]
    [Id]
    public required string Id { get; init; }
    [Description("Its new name, unique within the consortium.")]
    public string? Name { get; init; }
    [Description("Its new shared goal.")]
    public string? SharedGoal { get; init; }
    [Description("Its new first day of work.")]
    public DateOnly? StartsOn { get; init; }
    [Description("Its new last day of work; not before the first.")]
    public DateOnly? EndsOn { get; init; }
    [Description("The partnership's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
