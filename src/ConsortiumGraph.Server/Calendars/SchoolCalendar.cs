using System.Globalization;
using System.Text.RegularExpressions;

namespace ConsortiumGraph.Calendars;

/// <summary>
/// The days of a school year from its first and last day and the days that differ: weekdays between them in
/// session, weekends and the summer out, each listed exception as it says.
/// </summary>
public static partial class SchoolCalendar
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})$")] private static partial Regex YearPattern();

    /// <summary>"2026-27" as July 1, 2026 to June 30, 2027; null when it is not a school year.</summary>
    public static (DateOnly Start, DateOnly End)? Year(string schoolYear)
    {
        if (YearPattern().Match(schoolYear.Trim()) is not { Success: true } match) return null;
        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (start < 1990 || start > 2100 || (start + 1) % 100 != int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) return null;
        return (new DateOnly(start, 7, 1), new DateOnly(start + 1, 6, 30));
    }

    public static IEnumerable<CalendarDay> Days(int districtId, DateOnly start, DateOnly end, DateOnly firstDay, DateOnly lastDay,
        IReadOnlyDictionary<DateOnly, (CalendarDayKind Kind, string? Note)> exceptions)
    {
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            var inTerm = day >= firstDay && day <= lastDay;
            var (inSession, earlyRelease, note) = exceptions.TryGetValue(day, out var exception) && inTerm
                ? exception.Kind switch
                {
                    CalendarDayKind.NoSchool => (false, false, exception.Note),
                    CalendarDayKind.EarlyRelease => (true, true, exception.Note),
                    _ => (true, false, exception.Note),
                }
                : (inTerm && weekday, false, (string?)null);
            yield return new CalendarDay { DistrictId = districtId, Date = day, InSession = inSession, EarlyRelease = earlyRelease, Note = note };
        }
    }
}
