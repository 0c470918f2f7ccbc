using ConsortiumGraph.Consortia;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Access;

/// <summary>
/// A consortium an API key acts in. Every key has at least one: what it reads and changes is limited to
/// these consortia whatever its role, and only admins of all of them see or revoke it.
/// </summary>
public sealed class ApiKeyConsortium : Entity
{
    public int ApiKeyId { get; set; }
    public ApiKey ApiKey { get; set; } = null!;
    public int ConsortiumId { get; set; }
    public Consortium Consortium { get; set; } = null!;

    /// <summary>
    /// Keys created before keys carried their consortia get those of the admin who created them (the
    /// <c>[1,2]</c> tag that starts <see cref="ApiKey.CreatedBy"/>), so an upgrade narrows them and loses none.
    /// </summary>
    public static async Task BackfillAsync(ConsortiumDb db, ILogger logger, CancellationToken ct)
    {
        // Platform-admin keys act in every consortium and name none.
        var keys = await db.ApiKeys.Where(k => k.Role != Roles.PlatformAdmin && !k.Consortia.Any()).ToListAsync(ct);
        if (keys.Count == 0) return;
        var known = (await db.Consortia.Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        foreach (var key in keys)
        {
            var tag = key.CreatedBy.StartsWith('[') && key.CreatedBy.IndexOf(']') is > 0 and var end ? key.CreatedBy[1..end] : "";
            var consortia = tag.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => int.TryParse(t, out var id) ? id : 0).Where(known.Contains).Distinct().ToList();
            if (consortia.Count == 0) logger.LogWarning("API key {Name} names no consortium it was created in; it acts in none until replaced.", key.Name);
            key.Consortia.AddRange(consortia.Select(id => new ApiKeyConsortium { ConsortiumId = id }));
        }
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class ApiKeyConsortiumConfiguration : IEntityTypeConfiguration<ApiKeyConsortium>
{
    public void Configure(EntityTypeBuilder<ApiKeyConsortium> k)
    {
        k.HasIndex(x => new { x.ApiKeyId, x.ConsortiumId }).IsUnique();
        k.HasOne(x => x.ApiKey).WithMany(x => x.Consortia).HasForeignKey(x => x.ApiKeyId);
        k.HasOne(x => x.Consortium).WithMany().HasForeignKey(x => x.ConsortiumId);
        k.HasIndex(x => x.ConsortiumId);
    }
}
