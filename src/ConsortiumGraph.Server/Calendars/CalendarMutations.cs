using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Calendars;

/// <summary>A district publishes its calendar for a school year, by its days or by the .ics file it posts; <c>commonDays</c> answers from it.</summary>
public static class CalendarMutations
{
    public static void AddCalendarMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<PublishCalendarInput, CalendarPublication>(typeof(CalendarPublicationPayloadType), "publishCalendar",
            "Publishes a district's school-year calendar: its first and last day and the days that differ (its staff or an admin).", PublishAsync);
        mutation.Mutation<ImportCalendarInput, CalendarPublication>(typeof(CalendarPublicationPayloadType), "importCalendar",
            "Publishes a district's school-year calendar from the iCalendar (.ics) file it posts (its staff or an admin).", ImportAsync);
    }

    private static async Task<CalendarPublication?> PublishAsync(MutationContext<PublishCalendarInput> m)
    {
        var input = m.Input;
        if (SchoolYear(m, input.SchoolYear) is not { } year) return null;
        var listed = input.Days ?? [];
        var exceptions = new Dictionary<DateOnly, (CalendarDayKind, string?)>();
        for (var i = 0; i < listed.Count; i++)
        {
            var day = listed[i];
            var note = m.Text(day.Note, $"days.{i}.note", 200, required: false);
            if (day.Date < year.Start || day.Date > year.End)
                m.Invalid("OUT_OF_RANGE", $"The day is not in the {input.SchoolYear} school year.", $"days.{i}.date");
            else if (!exceptions.TryAdd(day.Date, (day.Kind, note)))
                m.Invalid("DUPLICATE_DAY", $"{day.Date:yyyy-MM-dd} is listed twice.", $"days.{i}.date");
        }
        return await PublishedAsync(m, input.DistrictId, input.SchoolYear, year, input.FirstDay, input.LastDay, exceptions, [], input.ExpectedRevision);
    }

    private static async Task<CalendarPublication?> ImportAsync(MutationContext<ImportCalendarInput> m)
    {
        var input = m.Input;
        if (SchoolYear(m, input.SchoolYear) is not { } year) return null;
        IcsCalendar.Reading reading;
        try
        {
            await using var file = input.File.OpenRead();
            reading = IcsCalendar.Read(file, year.Start, year.End);
        }
        catch (FormatException e)
        {
            m.Invalid("INVALID_FILE", $"Nothing was published: {e.Message}", "file");
            return null;
        }
        var first = input.FirstDay ?? reading.FirstDay;
        var last = input.LastDay ?? reading.LastDay;
        if (first is null) m.Invalid("REQUIRED", "The file has no \"first day of school\" event; give `firstDay`.", "firstDay");
        if (last is null) m.Invalid("REQUIRED", "The file has no \"last day of school\" event; give `lastDay`.", "lastDay");
        if (first is null || last is null) return null;
        return await PublishedAsync(m, input.DistrictId, input.SchoolYear, year, first.Value, last.Value, reading.Days, reading.Ignored, input.ExpectedRevision);
    }

    private static (DateOnly Start, DateOnly End)? SchoolYear<TInput>(MutationContext<TInput> m, string schoolYear)
    {
        var year = SchoolCalendar.Year(schoolYear);
        if (year is null) m.Invalid("INVALID_PERIOD", "`schoolYear` is a school year such as 2026-27.", "schoolYear");
        return year;
    }

    /// <summary>Checks the year's bounds, then writes every day of it that changed; the district's revision serializes publications.</summary>
    private static async Task<CalendarPublication?> PublishedAsync<TInput>(MutationContext<TInput> m, string districtId, string schoolYear, (DateOnly Start, DateOnly End) year,
        DateOnly firstDay, DateOnly lastDay, IReadOnlyDictionary<DateOnly, (CalendarDayKind Kind, string? Note)> exceptions, IReadOnlyList<string> ignored, int? expectedRevision)
    {
        var district = await m.Find<District>(districtId, "District", "districtId");
        if (firstDay < year.Start || lastDay > year.End || firstDay > lastDay)
            m.Invalid("INVALID_RANGE", $"The first and last day of school are within {year.Start:yyyy-MM-dd} and {year.End:yyyy-MM-dd}, in that order.", firstDay > lastDay ? "lastDay" : "firstDay");
        if (district is null || m.Failed) return null;
        if (!m.ActingFor(district.Id, district.Name, "districtId")) return null;

        var stored = await m.Db.CalendarDays.Where(d => d.DistrictId == district.Id && d.Date >= year.Start && d.Date <= year.End).ToDictionaryAsync(d => d.Date, m.Field.CancellationToken);
        var days = SchoolCalendar.Days(district.Id, year.Start, year.End, firstDay, lastDay, exceptions).ToList();
        var changed = 0;
        foreach (var day in days)
        {
            if (!stored.TryGetValue(day.Date, out var existing)) { m.Db.CalendarDays.Add(day); changed++; }
            else if ((existing.InSession, existing.EarlyRelease, existing.Note) != (day.InSession, day.EarlyRelease, day.Note))
            {
                (existing.InSession, existing.EarlyRelease, existing.Note) = (day.InSession, day.EarlyRelease, day.Note);
                changed++;
            }
        }
        m.Revise(district, expectedRevision);
        return new CalendarPublication(district.Id, schoolYear, firstDay, lastDay, days.Count(d => d.InSession), days.Count(d => d.EarlyRelease), changed, ignored);
    }
}
