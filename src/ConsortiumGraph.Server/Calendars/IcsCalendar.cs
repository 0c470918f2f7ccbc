using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace ConsortiumGraph.Calendars;

/// <summary>
/// Reads a district's published iCalendar file (RFC 5545, parsed by Ical.Net) into the days of a school year
/// that differ, by what districts call them: closures, holidays, vacations and staff-only days are no school,
/// early releases and dismissals are early release, make-up days are in session; "first/last day of school"
/// events give the year's bounds. Recurring events are expanded; other events (games, meetings) are ignored and reported.
/// </summary>
public static class IcsCalendar
{
    private static readonly string[] FirstDay = ["first day of school", "first day for students", "first day of classes", "school begins", "school starts"];
    private static readonly string[] LastDay = ["last day of school", "last day for students", "last day of classes"];
    private static readonly string[] EarlyRelease = ["early release", "early dismissal", "half day", "early out", "noon dismissal"];
    private static readonly string[] MakeUp = ["make-up day", "makeup day", "make up day"];
    private static readonly string[] NoSchool = ["no school", "school closed", "closed", "closure", "holiday", "vacation", "break", "recess", "professional development", "professional day",
        "teacher workday", "teacher work day", "in-service", "inservice", "workshop day", "pd day", "staff development", "snow day", "storm day", "day off"];

    public sealed record Reading(Dictionary<DateOnly, (CalendarDayKind Kind, string? Note)> Days, DateOnly? FirstDay, DateOnly? LastDay, List<string> Ignored);

    /// <summary>The year's differing days; <see cref="FormatException"/> when the file is not iCalendar.</summary>
    public static Reading Read(Stream ics, DateOnly start, DateOnly end)
    {
        Ical.Net.Calendar calendar;
        try
        {
            using var reader = new StreamReader(ics);
            calendar = Ical.Net.Calendar.Load(reader.ReadToEnd()) ?? throw new FormatException("The file has no VCALENDAR.");
        }
        catch (Exception e) when (e is not FormatException)
        {
            throw new FormatException($"The file is not an iCalendar (.ics) file ({e.GetType().Name}).", e);
        }
        var reading = new Reading([], null, null, []);
        var occurrences = calendar.GetOccurrences(new CalDateTime(start.Year, start.Month, start.Day), null)
            .TakeWhile(o => o.Period.StartTime.Date <= end);
        foreach (var occurrence in occurrences)
        {
            if (occurrence.Source is not CalendarEvent e) continue;
            var title = e.Summary?.Trim() ?? "";
            var text = $"{title} {string.Join(' ', e.Categories ?? [])}".ToLowerInvariant();
            var first = occurrence.Period.StartTime.Date;
            // An all-day event ends (exclusively) on its end date; a timed one is on the day it starts.
            var last = occurrence.Period.StartTime.HasTime ? first : occurrence.Period.EffectiveEndTime?.Date.AddDays(-1) ?? first;
            if (last < first) last = first;
            if (FirstDay.Any(text.Contains)) { reading = reading with { FirstDay = first }; continue; }
            if (LastDay.Any(text.Contains)) { reading = reading with { LastDay = first }; continue; }
            CalendarDayKind? kind = EarlyRelease.Any(text.Contains) ? CalendarDayKind.EarlyRelease
                : MakeUp.Any(text.Contains) ? CalendarDayKind.InSession
                : NoSchool.Any(text.Contains) ? CalendarDayKind.NoSchool : null;
            if (kind is null)
            {
                if (reading.Ignored.Count < 100 && !reading.Ignored.Contains(title)) reading.Ignored.Add(title);
                continue;
            }
            var note = title.Length > 200 ? title[..200] : title;
            for (var day = first; day <= last && day <= end; day = day.AddDays(1))
                if (day >= start)
                    reading.Days[day] = (kind.Value, note);
        }
        return reading;
    }
}
