using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Grants;

/// <summary>Funds the fiscal agent requested from the funder, and what arrived.</summary>
public sealed class Drawdown : RevisedEntity
{
    public int GrantId { get; set; }
    public Grant Grant { get; set; } = null!;
    public DateOnly RequestedOn { get; set; }
    public decimal Amount { get; set; }
    /// <summary>The request's reference in the funder's payment system.</summary>
    public string? Reference { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public decimal? ReceivedAmount { get; set; }
}

internal sealed class DrawdownConfiguration : IEntityTypeConfiguration<Drawdown>
{
    public void Configure(EntityTypeBuilder<Drawdown> d)
    {
        d.Property(x => x.Reference).HasMaxLength(100);
        d.HasIndex(x => new { x.GrantId, x.RequestedOn });
        d.HasOne(x => x.Grant).WithMany(x => x.Drawdowns).HasForeignKey(x => x.GrantId);
    }
}
