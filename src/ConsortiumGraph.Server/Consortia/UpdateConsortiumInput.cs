using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Consortia;

[Description("Changes to a consortium's name or shared goal; fields left out keep their values.")]
public sealed class UpdateConsortiumInput
{
    [Description("The consortium.")]
    [Id]
    public required string Id { get; init; }
    [Description("Its new name, unique on the installation.")]
    public string? Name { get; init; }
    [Description("Its new shared goal.")]
    public string? SharedGoal { get; init; }
    [Description("The consortium's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
