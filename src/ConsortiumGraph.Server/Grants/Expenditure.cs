using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Grants;

/// <summary>Money the fiscal agent's books show spent on a grant's work, from the grant or as the members' match.</summary>
public sealed class Expenditure : Entity
{
    public int GrantId { get; set; }
    public Grant Grant { get; set; } = null!;
    public DateOnly SpentOn { get; set; }
    public BudgetCategory Category { get; set; }
    public decimal Amount { get; set; }
    /// <summary>The member district the spending was for; null for the partnership as a whole.</summary>
    public int? DistrictId { get; set; }
    public Districts.District? District { get; set; }
    public required string Description { get; set; }
    public FundingSource FundedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    /// <summary>For a reversal: the expenditure it cancels (with the opposite amount, on the same day and lines), which stays on the books.</summary>
    public int? ReversesId { get; set; }
    public Expenditure? Reverses { get; set; }
}

internal sealed class ExpenditureConfiguration : IEntityTypeConfiguration<Expenditure>
{
    public void Configure(EntityTypeBuilder<Expenditure> e)
    {
        e.Property(x => x.Description).HasMaxLength(400);
        e.HasIndex(x => new { x.GrantId, x.SpentOn, x.Id });
        e.HasIndex(x => x.DistrictId);
        e.HasOne(x => x.Grant).WithMany(x => x.Expenditures).HasForeignKey(x => x.GrantId);
        e.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
        // One reversal per expenditure.
        e.HasIndex(x => x.ReversesId).IsUnique();
        e.HasOne(x => x.Reverses).WithMany().HasForeignKey(x => x.ReversesId);
    }
}
