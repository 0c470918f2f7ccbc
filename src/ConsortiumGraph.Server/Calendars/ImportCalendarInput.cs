using System.ComponentModel;
using ConsortiumGraph.Graph;
using GraphQL;

namespace ConsortiumGraph.Calendars;

[Description("A district's calendar for one school year from the iCalendar (.ics) file it publishes: all-day and timed events, recurring ones expanded, read by their titles and categories.")]
public sealed class ImportCalendarInput
{
    [Description("The district.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("The school year, as 2026-27.")]
    public required string SchoolYear { get; init; }
    [Description("The .ics file (an upload).")]
    public required UploadedFile File { get; init; }
    [Description("The first day students attend; from a \"first day of school\" event when left out.")]
    public DateOnly? FirstDay { get; init; }
    [Description("The last day students attend; from a \"last day of school\" event when left out.")]
    public DateOnly? LastDay { get; init; }
    [Description("The district's `revision` as last read; refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
