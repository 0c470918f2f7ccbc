using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>A hash of every row of every table, read around the query filters: equal before and after means nothing was stored.</summary>
public static class DatabaseChecksum
{
    public static async Task<string> OfAsync(Data.ConsortiumDb db)
    {
        var text = new StringBuilder();
        foreach (var entity in db.Model.GetEntityTypes().OrderBy(e => e.ClrType.Name))
        {
            var rows = await ((IQueryable<object>)typeof(DatabaseChecksum).GetMethod(nameof(Rows), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(entity.ClrType).Invoke(null, [db])!).ToListAsync();
            text.Append(entity.ClrType.Name).Append(':').Append(rows.Count).Append('\n');
            foreach (var row in rows)
                text.Append(string.Join('|', entity.GetProperties().Select(p => p.PropertyInfo?.GetValue(row)?.ToString()))).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static IQueryable<object> Rows<T>(DbContext db) where T : Data.Entity =>
        db.Set<T>().IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Id);
}
