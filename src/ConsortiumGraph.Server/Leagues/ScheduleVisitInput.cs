using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("Books a peer visit to a member school.")]
public sealed class ScheduleVisitInput
{
    [Description("The host school's League membership: an active member.")]
    [Id]
    public required string HostMembershipId { get; init; }
    [Description("The day of the visit: today or later. A warning says when the host's or a visitor's district has published it as a day out of session.")]
    public DateOnly VisitOn { get; init; }
    [Description("The host's focus question, at most 1000 characters.")]
    public required string FocusQuestion { get; init; }
    [Description("The visiting team (1 to 20 of the League's educators): of other member schools than the host, or the League's district and state staff.")]
    [Id]
    public required List<string> VisitorIds { get; init; }
    [Description("The host membership's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
