using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Grants;

/// <summary>One change to an award (its amount, its period or its fiscal agent), kept with what it was before.</summary>
public sealed class GrantAmendment : Entity
{
    public int GrantId { get; set; }
    public Grant Grant { get; set; } = null!;
    /// <summary>1 for the first amendment, and so on.</summary>
    public int Number { get; set; }
    /// <summary>The day the funder's amendment takes effect.</summary>
    public DateOnly EffectiveOn { get; set; }
    public required string Reason { get; set; }
    public DateTime RecordedAt { get; set; }
    public decimal AmountBefore { get; set; }
    public decimal AmountAfter { get; set; }
    public DateOnly StartsOnBefore { get; set; }
    public DateOnly StartsOnAfter { get; set; }
    public DateOnly EndsOnBefore { get; set; }
    public DateOnly EndsOnAfter { get; set; }
    public int FiscalAgentBeforeId { get; set; }
    public int FiscalAgentAfterId { get; set; }
}

internal sealed class GrantAmendmentConfiguration : IEntityTypeConfiguration<GrantAmendment>
{
    public void Configure(EntityTypeBuilder<GrantAmendment> a)
    {
        a.Property(x => x.Reason).HasMaxLength(2000);
        a.HasIndex(x => new { x.GrantId, x.Number }).IsUnique();
        a.HasOne(x => x.Grant).WithMany(x => x.Amendments).HasForeignKey(x => x.GrantId);
        a.HasOne<Districts.District>().WithMany().HasForeignKey(x => x.FiscalAgentBeforeId);
        a.HasOne<Districts.District>().WithMany().HasForeignKey(x => x.FiscalAgentAfterId);
    }
}
