using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("One line of a grant budget.")]
public sealed class BudgetLineInput
{
    [Description("What the money is for.")]
    public required BudgetCategory Category { get; init; }
    [Description("The member district it is allocated to; omitted for the partnership as a whole.")]
    [Id]
    public string? DistrictId { get; init; }
    [Description("The amount, exact to the cent; 0 to 100,000,000,000.")]
    public required decimal Amount { get; init; }
    [Description("What the line pays for, at most 400 characters.")]
    public string? Description { get; init; }
}
