using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("A school leaves a League (or withdraws a request not yet signed). Its self-assessments and history stay.")]
public sealed class LeaveLeagueInput
{
    [Description("The school's League membership; PENDING or ACTIVE.")]
    [Id]
    public required string MembershipId { get; init; }
    [Description("Why it leaves, at most 2000 characters.")]
    public required string Reason { get; init; }
    [Description("The day it leaves; today when omitted. Not in the future, and not before it asked to join.")]
    public DateOnly? LeftOn { get; init; }
    [Description("The membership's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
