using ConsortiumGraph.Calendars;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Sdk = ConsortiumGraph.Plugins;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// The read-only data plugin code may ask for (<see cref="Sdk.IConsortiumData"/>), each plugin under its own
/// scope: the districts of the consortia its districts belong to, never more. A district outside them
/// is left out as if it did not exist. Every call reads through a DbContext of its own.
/// </summary>
public sealed class ConsortiumData(IDbContextFactory<ConsortiumDb> databases)
{
    public Sdk.IConsortiumData For(ComposedPlugin plugin) => new Scoped(databases, [.. plugin.DistrictIds]);

    private sealed class Scoped(IDbContextFactory<ConsortiumDb> databases, int[] own) : Sdk.IConsortiumData
    {
        public async Task<IReadOnlyList<Sdk.DistrictView>> DistrictsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await InScope(db).Where(d => codes.Contains(d.Code)).OrderBy(d => d.Code).ToListAsync(cancellationToken);
            return rows.Select(PluginViews.District).ToList();
        }

        public async Task<IReadOnlyList<Sdk.CalendarDayView>> CalendarAsync(string districtCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
        {
            if (to < from || to.DayNumber - from.DayNumber > CalendarQueries.MaxDays)
                throw new ArgumentOutOfRangeException(nameof(to), $"Ask for at most {CalendarQueries.MaxDays} days, `to` not before `from`.");
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var district = InScope(db).Where(d => d.Code == districtCode).Select(d => d.Id);
            return await db.CalendarDays.AsNoTracking()
                .Where(c => district.Contains(c.DistrictId) && c.Date >= from && c.Date <= to).OrderBy(c => c.Date)
                .Select(c => new Sdk.CalendarDayView { Date = c.Date, InSession = c.InSession, EarlyRelease = c.EarlyRelease, Note = c.Note })
                .ToListAsync(cancellationToken);
        }

        /// <summary>The plugin's own districts and every district sharing a consortium with one of them.</summary>
        private IQueryable<Districts.District> InScope(ConsortiumDb db)
        {
            var consortia = db.ConsortiumMemberships.Where(m => own.Contains(m.DistrictId) && m.LeftOn == null).Select(m => m.ConsortiumId);
            return db.Districts.AsNoTracking().Where(d => own.Contains(d.Id) || d.ConsortiumMemberships.Any(m => consortia.Contains(m.ConsortiumId)));
        }
    }
}
