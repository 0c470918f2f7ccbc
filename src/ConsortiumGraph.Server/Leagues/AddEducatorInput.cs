using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("Adds a person to a League's directory of educators.")]
public sealed class AddEducatorInput
{
    [Description("The League.")]
    [Id]
    public required string LeagueId { get; init; }
    [Description("The educator's name, at most 200 characters.")]
    public required string Name { get; init; }
    [Description("What the educator does: TEACHER and PRINCIPAL name a school; SUPERINTENDENT a district; COORDINATOR a district, or neither for the consortium's own; STATE_AGENCY_STAFF a state.")]
    public EducatorRole Role { get; init; }
    [Description("The educator's school, which has joined or asked to join the League.")]
    [Id]
    public string? SchoolId { get; init; }
    [Description("The educator's district, for district staff: a member of the League's consortium, or the district of one of its schools.")]
    [Id]
    public string? DistrictId { get; init; }
    [Description("STATE_AGENCY_STAFF: the agency's two-letter state.")]
    public string? State { get; init; }
    [Description("Where peers reach the educator; unique in the League.")]
    public string? Email { get; init; }
}
