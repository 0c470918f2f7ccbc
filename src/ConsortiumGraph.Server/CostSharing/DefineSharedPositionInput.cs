using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.CostSharing;

[Description("A position (or contracted service) a partnership shares, its annual cost and how the MOU splits it. The partnership's lead district, or its consortium's admins.")]
public sealed class DefineSharedPositionInput
{
    [Description("The partnership sharing it; PROPOSED or ACTIVE.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("What the position is (\"Speech-language pathologist\"), at most 200 characters.")]
    public required string Title { get; init; }
    [Description("An employee, or a contracted service.")]
    public required PositionKind Kind { get; init; }
    [Description("The member that employs (or contracts) and pays; the others owe it their shares.")]
    [Id]
    public required string EmployingDistrictId { get; init; }
    [Description("Annual salary (or contract price), exact to the cent.")]
    public required decimal AnnualSalary { get; init; }
    [Description("Annual benefits, exact to the cent; 0 for a contracted service.")]
    public required decimal AnnualBenefits { get; init; }
    [Description("How the MOU splits the cost.")]
    public required AllocationMethod Method { get; init; }
    [Description("Each member's basis (at least two members, each once; FIXED_SHARES add up to 100).")]
    public required List<PositionShareInput> Shares { get; init; }
    [Description("The member that takes the cents an allocation leaves over; the employing district when omitted.")]
    [Id]
    public string? RemainderDistrictId { get; init; }
    [Description("The first day of the arrangement.")]
    public required DateOnly StartsOn { get; init; }
}
