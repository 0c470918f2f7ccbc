using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Partnerships;

[Description("Ends a partnership: completed as agreed, or dissolved before completion.")]
public sealed class ClosePartnershipInput
{
    [Description("The partnership; must be ACTIVE to complete, PROPOSED or ACTIVE to dissolve.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("Why it ends: required to dissolve, a closing note on completion (at most 2,000 characters).")]
    public string? Reason { get; init; }
    [Description("The day it ended; today when left out, and never in the future (record it on the day it takes effect).")]
    public DateOnly? EffectiveOn { get; init; }
    [Description("The partnership's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
