using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("A visitor's feedback to the host school, once the visit's day has come; at least one of strengths, questions and suggestions.")]
public sealed class GiveVisitFeedbackInput
{
    [Description("The visit.")]
    [Id]
    public required string VisitId { get; init; }
    [Description("The visitor giving it: one of the visiting team, once.")]
    [Id]
    public required string EducatorId { get; init; }
    [Description("What the visitor saw working; at most 4000 characters.")]
    public string? Strengths { get; init; }
    [Description("What the visit left the visitor asking; at most 4000 characters.")]
    public string? Questions { get; init; }
    [Description("What the visitor suggests the host try; at most 4000 characters.")]
    public string? Suggestions { get; init; }
}
