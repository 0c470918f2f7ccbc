using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Calendars;

public sealed class CalendarDayType : ObjectType<CalendarDay>
{
    public CalendarDayType()
    {
        Description = "One day of a district's calendar.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field(d => d.Date, type: typeof(NonNullGraphType<DateType>)).Description("The day.");
        Field(d => d.InSession).Description("Students attend (early-release days included).");
        Field(d => d.EarlyRelease).Description("Students are dismissed early; the afternoon is free for staff.");
        Field(d => d.Note, nullable: true).Description("Why the day is special, e.g. a holiday or a storm closure.");
    }
}

public static class CalendarQueries
{
    public const int MaxDays = 400;

    /// <summary>CalendarDaysByDistrictId for one date range: every district in the response in one statement.</summary>
    public static IDataLoaderResult<IReadOnlyList<CalendarDay>> CalendarOf(this IResolveFieldContext context, int districtId, DateOnly from, DateOnly to)
    {
        CheckRange(from, to);
        var loaders = context.Loaders();
        return loaders.For<int, IReadOnlyList<CalendarDay>>((context.FieldAst, from, to), (ids, ct) => loaders.ReadAsync<IReadOnlyDictionary<int, IReadOnlyList<CalendarDay>>>(async db =>
            {
                var days = await db.CalendarDays.AsNoTracking()
                    .Where(EntityLoaders.KeyIn<CalendarDay>(d => d.DistrictId, ids))
                    .Where(d => d.Date >= from && d.Date <= to)
                    .OrderBy(d => d.Date).ToListAsync(ct);
                return days.GroupBy(d => d.DistrictId).ToDictionary(g => g.Key, g => (IReadOnlyList<CalendarDay>)g.ToList());
            }, ct), missing: []).Load(districtId);
    }

    /// <summary>
    /// Days on which every listed district is in session (or every one is out of session), counted in SQL:
    /// a day qualifies when all the districts have published it with the wanted state.
    /// </summary>
    public static async Task<IReadOnlyList<DateOnly>> CommonDaysAsync(this IResolveFieldContext context, IReadOnlyList<string> districtIds, DateOnly from, DateOnly to, bool inSession)
    {
        CheckRange(from, to);
        if (districtIds.Count == 0)
            throw new ExecutionError("`districtIds` must name at least one district.") { Code = "REQUIRED" };
        if (districtIds.Count > 100)
            throw new ExecutionError("`districtIds` may name at most 100 districts.") { Code = "OUT_OF_RANGE" };
        var ids = new HashSet<int>();
        foreach (var id in districtIds)
            ids.Add(GlobalId.TryDecode(id, "District", out var key) ? key
                : throw new ExecutionError($"`{id}` is not the ID of a District.") { Code = "INVALID_ID" });
        var wanted = ids.Count;
        return await context.Loaders().ReadAsync<IReadOnlyList<DateOnly>>(async db => await db.CalendarDays
            .Where(EntityLoaders.KeyIn<CalendarDay>(d => d.DistrictId, ids))
            .Where(d => d.Date >= from && d.Date <= to && d.InSession == inSession)
            .GroupBy(d => d.Date)
            .Where(g => g.Count() == wanted)
            .Select(g => g.Key)
            .OrderBy(d => d)
            .ToListAsync(context.CancellationToken), context.CancellationToken);
    }

    private static void CheckRange(DateOnly from, DateOnly to)
    {
        if (to < from)
            throw new ExecutionError("`to` is before `from`.") { Code = "INVALID_RANGE" };
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            throw new ExecutionError($"A calendar range spans at most {MaxDays} days.") { Code = "INVALID_RANGE" };
    }
}
