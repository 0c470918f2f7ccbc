using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("A change the funder made to an award: its amount, its period or its fiscal agent. Fields left out keep their values; every amendment is kept.")]
public sealed class AmendGrantInput
{
    [Description("The grant; it must be ACTIVE.")]
    [Id]
    public required string GrantId { get; init; }
    [Description("The new award, exact to the cent; not below what is spent, drawn down or budgeted.")]
    public decimal? Amount { get; init; }
    [Description("The new first day.")]
    public DateOnly? StartsOn { get; init; }
    [Description("The new last day; no spending may fall outside the new period.")]
    public DateOnly? EndsOn { get; init; }
    [Description("The member district that receives the funds from now on (before the partnership's fiscal-agent role moves to it with changeMemberRoles).")]
    [Id]
    public string? FiscalAgentId { get; init; }
    [Description("Why the award changed, at most 2000 characters.")]
    public required string Reason { get; init; }
    [Description("The day the funder's amendment takes effect; today when omitted.")]
    public DateOnly? EffectiveOn { get; init; }
    [Description("The grant's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
