using System.ComponentModel;

namespace ConsortiumGraph.Calendars;

[Description("How a day differs from the school year's ordinary weekdays (in session) and weekends (not).")]
public enum CalendarDayKind
{
    [Description("No students: a holiday, a vacation day, a closure, a professional-development day for staff only.")] NoSchool,
    [Description("In session, with students dismissed early; the afternoon is free for staff.")] EarlyRelease,
    [Description("In session on a day that would not be: a weekend make-up day.")] InSession,
}
