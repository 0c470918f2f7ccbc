using System.ComponentModel;
using GraphQL;
using ConsortiumGraph.LocalFields;

namespace ConsortiumGraph.Commitments;

[Description("A member's commitment in a partnership.")]
public sealed class CreateCommitmentInput
{
    [Description("The partnership; must be PROPOSED or ACTIVE.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("The committing district; must be a member of the partnership.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("The school the commitment is for; must belong to the district.")]
    [Id]
    public string? SchoolId { get; init; }
    [Description("What is committed to, in a line (at most 200 characters).")]
    public required string Title { get; init; }
    [Description("Details (at most 4000 characters).")]
    public string? Description { get; init; }
    [Description("When it is due.")]
    public DateOnly? DueOn { get; init; }
    [Description("Dollars committed; not negative.")]
    public decimal? Dollars { get; init; }
    [Description("Staff time committed, in FTE; more than 0.")]
    public double? StaffFte { get; init; }
    [Description("Student seats committed; not negative.")]
    public int? StudentSeats { get; init; }
    [Description("Values of district plugins' stored fields on the new commitment (e.g. a board approval its district requires), one entry per plugin.")]
    public List<LocalFieldValuesInput>? Local { get; init; }
}
