using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// A consortium admin's approval of one plugin build: its key, version, districts and the SHA-256 of
/// its folder. Only an approved build runs its Register and serves (where <c>Plugins:RequireApproval</c>).
/// </summary>
public sealed class PluginApproval : Entity
{
    public required string Key { get; set; }
    public required string Version { get; set; }
    /// <summary>The codes of the districts the build speaks for, ordinal order, space-separated.</summary>
    public required string Districts { get; set; }
    public required string Sha256 { get; set; }
    public DateTime ApprovedAt { get; set; }
    public required string ApprovedBy { get; set; }

    public IReadOnlyList<string> DistrictCodes => Districts.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class PluginApprovalConfiguration : IEntityTypeConfiguration<PluginApproval>
{
    public void Configure(EntityTypeBuilder<PluginApproval> a)
    {
        a.Property(x => x.Key).HasMaxLength(40);
        a.Property(x => x.Version).HasMaxLength(64);
        a.Property(x => x.Districts).HasMaxLength(400);
        a.Property(x => x.Sha256).HasMaxLength(64);
        a.Property(x => x.ApprovedBy).HasMaxLength(200);
        a.Ignore(x => x.DistrictCodes);
        // One approval per build: two admins approving at once get one row and one ALREADY_APPROVED.
        a.HasIndex(x => new { x.Key, x.Sha256 }).IsUnique();
    }
}
