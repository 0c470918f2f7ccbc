using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Grants;

/// <summary>One adopted version of a grant's budget; its lines are the <see cref="GrantBudgetLine"/>s with its number. Kept when a later one replaces it.</summary>
public sealed class GrantBudgetRevision : Entity
{
    public int GrantId { get; set; }
    public Grant Grant { get; set; } = null!;
    /// <summary>1 for the first budget, and so on.</summary>
    public int Number { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string Reason { get; set; }
    public decimal Total { get; set; }
}

/// <summary>What a budget revision puts in one category, for one member district when the award allocates to members.</summary>
public sealed class GrantBudgetLine : Entity
{
    public int GrantId { get; set; }
    public Grant Grant { get; set; } = null!;
    /// <summary>The number of the budget revision the line belongs to.</summary>
    public int Revision { get; set; }
    public BudgetCategory Category { get; set; }
    /// <summary>The member district the amount is allocated to; null for the partnership as a whole (kept by the fiscal agent).</summary>
    public int? DistrictId { get; set; }
    public Districts.District? District { get; set; }
    public decimal Amount { get; set; }
    public string? Description { get; set; }
}

internal sealed class GrantBudgetConfiguration : IEntityTypeConfiguration<GrantBudgetRevision>, IEntityTypeConfiguration<GrantBudgetLine>
{
    public void Configure(EntityTypeBuilder<GrantBudgetRevision> r)
    {
        r.Property(x => x.Reason).HasMaxLength(2000);
        r.HasIndex(x => new { x.GrantId, x.Number }).IsUnique();
        r.HasOne(x => x.Grant).WithMany(x => x.BudgetRevisions).HasForeignKey(x => x.GrantId);
    }

    public void Configure(EntityTypeBuilder<GrantBudgetLine> l)
    {
        l.Property(x => x.Description).HasMaxLength(400);
        l.HasIndex(x => new { x.GrantId, x.Revision });
        l.HasIndex(x => x.DistrictId);
        l.HasOne(x => x.Grant).WithMany(x => x.BudgetLines).HasForeignKey(x => x.GrantId);
        l.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
    }
}
