using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// A version of the League's framework of school practices: dimensions, each described at every level of one rating
/// scale. A new version never changes an old one, so every self-assessment names the version it rated against;
/// dimensions keep their key across versions, so a school's trajectory runs through them.
/// </summary>
public sealed class ImprovementFramework : Entity
{
    public int LeagueId { get; set; }
    public League League { get; set; } = null!;
    public int Version { get; set; }
    public required string Name { get; set; }
    /// <summary>The rating scale, lowest first: a rating is the level's position, from 1.</summary>
    public List<string> Levels { get; set; } = [];
    public DateTime DefinedAt { get; set; }
    /// <summary>What changed from the version before, and why.</summary>
    public string? ChangeSummary { get; set; }
    public List<FrameworkDimension> Dimensions { get; set; } = [];
}

internal sealed class ImprovementFrameworkConfiguration : IEntityTypeConfiguration<ImprovementFramework>
{
    public void Configure(EntityTypeBuilder<ImprovementFramework> f)
    {
        f.Property(x => x.Name).HasMaxLength(200);
        f.Property(x => x.ChangeSummary).HasMaxLength(2000);
        f.HasIndex(x => new { x.LeagueId, x.Version }).IsUnique();
        f.HasOne(x => x.League).WithMany(x => x.Frameworks).HasForeignKey(x => x.LeagueId);
    }
}
