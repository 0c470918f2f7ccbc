using ConsortiumGraph.Graph;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Consortia;

/// <summary>
/// An archived consortium is read-only: checked once for every mutation, from the rows it is about to save and
/// the consortium each belongs to (the audit trail's scope), so no mutation can forget it.
/// </summary>
public static class ArchivedConsortia
{
    public static async Task CheckAsync<TInput>(MutationContext<TInput> m, object changed)
    {
        var rows = m.Db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Entity).ToList();
        if (rows.Count == 0) return;
        var scope = await Access.AuditScope.OfAsync(m.Db, changed);
        var consortia = rows.Select(row => scope(row).Consortium).OfType<int>().Distinct().ToList();
        if (consortia.Count == 0) return;
        // As stored: the change that archives a consortium is the last one it takes.
        var archived = await m.Db.Consortia.IgnoreQueryFilters().AsNoTracking().Where(c => consortia.Contains(c.Id) && c.ArchivedOn != null)
            .Select(c => new { c.Name, c.ArchivedOn }).FirstOrDefaultAsync(m.Field.CancellationToken);
        if (archived is not null)
            m.Violates("CONSORTIUM_ARCHIVED", $"{archived.Name} was archived on {archived.ArchivedOn:yyyy-MM-dd}; nothing in it changes any more.");
    }
}
