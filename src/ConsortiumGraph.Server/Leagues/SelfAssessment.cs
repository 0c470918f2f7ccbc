using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// A member school's ratings of itself against a framework version on one day, with its evidence and notes. Kept as a
/// history: a new assessment never overwrites an old one, so a school's rate of change is its own record.
/// </summary>
public sealed class SelfAssessment : Entity
{
    public int MembershipId { get; set; }
    public LeagueMembership Membership { get; set; } = null!;
    public int FrameworkId { get; set; }
    public ImprovementFramework Framework { get; set; } = null!;
    public DateOnly AssessedOn { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    public List<DimensionRating> Ratings { get; set; } = [];
}

internal sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> a)
    {
        a.Property(x => x.Notes).HasMaxLength(4000);
        // One assessment per school and day: a second on the same day is a correction to ask for, not a silent twin.
        a.HasIndex(x => new { x.MembershipId, x.AssessedOn }).IsUnique();
        a.HasOne(x => x.Membership).WithMany(x => x.SelfAssessments).HasForeignKey(x => x.MembershipId);
        a.HasOne(x => x.Framework).WithMany().HasForeignKey(x => x.FrameworkId);
    }
}
