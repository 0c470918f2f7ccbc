using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("Money spent on a grant's work, as the fiscal agent's books show it. Grant spending together may not exceed the award; a category spent past its budget is a warning.")]
public sealed class RecordExpenditureInput
{
    [Description("The grant; it must be ACTIVE.")]
    [Id]
    public required string GrantId { get; init; }
    [Description("The day it was spent: within the grant period, not in the future.")]
    public required DateOnly SpentOn { get; init; }
    [Description("What it was spent on.")]
    public required BudgetCategory Category { get; init; }
    [Description("The amount, exact to the cent; more than 0.")]
    public required decimal Amount { get; init; }
    [Description("What was bought or paid, at most 400 characters.")]
    public required string Description { get; init; }
    [Description("The member district it was for; omitted for the partnership as a whole.")]
    [Id]
    public string? DistrictId { get; init; }
    [Description("GRANT (the default) when paid from the award; MATCH for the members' own contribution.")]
    public FundingSource? FundedBy { get; init; }
    [Description("The grant's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
