using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("A new budget for a grant, replacing the one in force (which is kept). Its total may not exceed the award.")]
public sealed class ReviseGrantBudgetInput
{
    [Description("The grant; it must be ACTIVE.")]
    [Id]
    public required string GrantId { get; init; }
    [Description("Every line of the new budget (at least one, at most GraphQL:Limits:MaxListItems): each category and member district at most once.")]
    public required List<BudgetLineInput> Lines { get; init; }
    [Description("Why the budget changes (\"Initial budget\", \"Funder approved moving travel to supplies\"), at most 2000 characters.")]
    public required string Reason { get; init; }
    [Description("The grant's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
