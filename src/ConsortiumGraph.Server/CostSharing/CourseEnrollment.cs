using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.CostSharing;

/// <summary>How many students of one member took a shared course in a term, and what a seat costs: what it owes the host.</summary>
public sealed class CourseEnrollment : RevisedEntity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    /// <summary>A school year ("2025-26") or a term of one ("2025-26 S1").</summary>
    public required string Term { get; set; }
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public int Students { get; set; }
    public decimal CostPerSeat { get; set; }
}

internal sealed class CourseEnrollmentConfiguration : IEntityTypeConfiguration<CourseEnrollment>
{
    public void Configure(EntityTypeBuilder<CourseEnrollment> e)
    {
        e.Property(x => x.Term).HasMaxLength(20);
        e.HasIndex(x => new { x.PartnershipId, x.Term, x.DistrictId }).IsUnique();
        e.HasIndex(x => x.DistrictId);
        e.HasOne(x => x.Partnership).WithMany().HasForeignKey(x => x.PartnershipId);
        e.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
    }
}
