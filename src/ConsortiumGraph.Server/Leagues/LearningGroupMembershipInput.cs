using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("An educator joins or leaves a learning group.")]
public sealed class LearningGroupMembershipInput
{
    [Description("The learning group.")]
    [Id]
    public required string GroupId { get; init; }
    [Description("The educator: one of the League's.")]
    [Id]
    public required string EducatorId { get; init; }
}
