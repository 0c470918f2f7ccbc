using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>One dimension of a framework version: a practice schools rate themselves on, described at each level of the scale.</summary>
public sealed class FrameworkDimension : Entity
{
    public int FrameworkId { get; set; }
    public ImprovementFramework Framework { get; set; } = null!;
    /// <summary>Its order in the framework, from 1.</summary>
    public int Position { get; set; }
    /// <summary>Stable across versions ("personalized-learning"): what ratings, commitments and trajectories name.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>What the practice looks like at each level of the framework's scale, lowest first (one per level).</summary>
    public List<string> Descriptors { get; set; } = [];
}

internal sealed class FrameworkDimensionConfiguration : IEntityTypeConfiguration<FrameworkDimension>
{
    public void Configure(EntityTypeBuilder<FrameworkDimension> d)
    {
        d.Property(x => x.Key).HasMaxLength(64);
        d.Property(x => x.Name).HasMaxLength(200);
        d.Property(x => x.Description).HasMaxLength(2000);
        d.HasIndex(x => new { x.FrameworkId, x.Key }).IsUnique();
        d.HasOne(x => x.Framework).WithMany(x => x.Dimensions).HasForeignKey(x => x.FrameworkId);
    }
}
