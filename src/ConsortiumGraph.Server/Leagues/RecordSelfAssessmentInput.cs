using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("A member school's ratings of itself on a day, against the League's current framework. Added to its history; nothing earlier is overwritten.")]
public sealed class RecordSelfAssessmentInput
{
    [Description("The school's League membership; it must be ACTIVE.")]
    [Id]
    public required string MembershipId { get; init; }
    [Description("The day the school assessed itself; not in the future, not before it joined, and one assessment per day.")]
    public required DateOnly AssessedOn { get; init; }
    [Description("One rating per dimension of the framework (at least one; each dimension at most once).")]
    public required List<DimensionRatingInput> Ratings { get; init; }
    [Description("The school team's notes: what it will work on next, at most 4000 characters.")]
    public string? Notes { get; init; }
}
