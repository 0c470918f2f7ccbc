using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Calendars;

[Description("A district's calendar for one school year: its first and last day of school and the days that differ. Every day of the year (July 1 to June 30) is published from it, replacing what was published for that year.")]
public sealed class PublishCalendarInput
{
    [Description("The district.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("The school year, as 2026-27 (July 1, 2026 to June 30, 2027).")]
    public required string SchoolYear { get; init; }
    [Description("The first day students attend.")]
    public DateOnly FirstDay { get; init; }
    [Description("The last day students attend.")]
    public DateOnly LastDay { get; init; }
    [Description("The days that differ from ordinary weekdays in session and weekends out: holidays, vacations, early releases, make-up days.")]
    [Metadata(Access.ListLimitRule.Bulk, true)]
    public List<CalendarDayInput>? Days { get; init; }
    [Description("The district's `revision` as last read; refused with CONFLICT if it changed since (another publication came in).")]
    public int? ExpectedRevision { get; init; }
}
