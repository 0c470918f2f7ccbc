using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Calendars;

[Description("A day of the school year that is not an ordinary one.")]
public sealed class CalendarDayInput
{
    [Description("The day; within the school year.")]
    public DateOnly Date { get; init; }
    [Description("How it differs.")]
    public CalendarDayKind Kind { get; init; }
    [Description("Why (Thanksgiving, storm closure, teacher in-service); at most 200 characters.")]
    public string? Note { get; init; }
}
