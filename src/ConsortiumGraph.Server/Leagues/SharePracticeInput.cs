using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("A member school shares a practice with its League.")]
public sealed class SharePracticeInput
{
    [Description("The sharing school's League membership: an active member.")]
    [Id]
    public required string MembershipId { get; init; }
    [Description("The practice's name, at most 200 characters.")]
    public required string Title { get; init; }
    [Description("What it is, at most 4000 characters.")]
    public required string Summary { get; init; }
    [Description("What worked; at most 4000 characters.")]
    public string? WhatWorked { get; init; }
    [Description("What did not, and what the school would do differently; at most 4000 characters.")]
    public string? WhatDidNot { get; init; }
    [Description("Keys of the dimensions of the League's framework it serves (at least one).")]
    public required List<string> Dimensions { get; init; }
    [Description("The grades it was tried in: K, or 1 to 12.")]
    public List<string>? GradeLevels { get; init; }
    [Description("Links to its materials (at most 10): absolute http or https addresses.")]
    public List<string>? Links { get; init; }
}
