using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Consortia;

[Description("A district leaves a consortium. Its history there (commitments, votes, values) stays readable; it takes no new work.")]
public sealed class RemoveConsortiumMemberInput
{
    [Description("The consortium.")]
    [Id]
    public required string ConsortiumId { get; init; }
    [Description("The leaving district; a current member that is no longer in any of the consortium's open partnerships.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("The day it left; today when left out, never in the future, not before it joined.")]
    public DateOnly? LeftOn { get; init; }
    [Description("The consortium's `revision` as last read; refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
