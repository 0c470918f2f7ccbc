using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Consortia;

[Description("Archives a consortium: everything stays readable, nothing in it changes again.")]
public sealed class ArchiveConsortiumInput
{
    [Description("The consortium; none of its partnerships may be PROPOSED or ACTIVE.")]
    [Id]
    public required string Id { get; init; }
    [Description("Why it is archived (at most 2,000 characters).")]
    public required string Reason { get; init; }
    [Description("The consortium's `revision` as last read; refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
