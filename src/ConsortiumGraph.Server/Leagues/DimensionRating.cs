using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>A school's rating of itself on one dimension, in one self-assessment, with the evidence for it.</summary>
public sealed class DimensionRating : Entity
{
    public int AssessmentId { get; set; }
    public SelfAssessment Assessment { get; set; } = null!;
    public int DimensionId { get; set; }
    public FrameworkDimension Dimension { get; set; } = null!;
    /// <summary>The level on the framework's scale, from 1 (its lowest).</summary>
    public int Rating { get; set; }
    public string? Evidence { get; set; }
}

internal sealed class DimensionRatingConfiguration : IEntityTypeConfiguration<DimensionRating>
{
    public void Configure(EntityTypeBuilder<DimensionRating> r)
    {
        r.Property(x => x.Evidence).HasMaxLength(4000);
        r.HasIndex(x => new { x.AssessmentId, x.DimensionId }).IsUnique();
        r.HasIndex(x => x.DimensionId);
        r.HasOne(x => x.Assessment).WithMany(x => x.Ratings).HasForeignKey(x => x.AssessmentId);
        r.HasOne(x => x.Dimension).WithMany().HasForeignKey(x => x.DimensionId);
    }
}
