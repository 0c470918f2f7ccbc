using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.CostSharing;

[Description("One member's basis in a shared position's allocation.")]
public sealed class PositionShareInput
{
    [Description("The member district.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("Its FTE (BY_FTE), hours (BY_HOURS), students served (BY_STUDENTS_SERVED) or percentage (FIXED_SHARES); more than 0, at most three decimal places.")]
    public required double Basis { get; init; }
}
