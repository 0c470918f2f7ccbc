using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("Records a learning group's meeting: its day, topic, notes and who came.")]
public sealed class RecordLearningGroupMeetingInput
{
    [Description("The learning group.")]
    [Id]
    public required string GroupId { get; init; }
    [Description("The day it met: today or earlier, one meeting a day.")]
    public DateOnly MetOn { get; init; }
    [Description("What it worked on, at most 200 characters.")]
    public required string Topic { get; init; }
    [Description("Notes for the members, at most 4000 characters.")]
    public string? Notes { get; init; }
    [Description("Who came: members of the group on the day.")]
    [Id]
    public required List<string> AttendeeIds { get; init; }
}
