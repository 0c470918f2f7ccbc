using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// A consortium's network of schools that improve together (the League of Innovative Schools): every member school
/// makes the same commitment, rates itself against the League's framework and is held to it by its peers. It spans
/// whatever states its consortium's districts are in, and takes schools outside them (a charter, a regional
/// career-technical center). Revised: new framework versions and new members serialize on it.
/// </summary>
public sealed class League : RevisedEntity
{
    public int ConsortiumId { get; set; }
    public Consortia.Consortium Consortium { get; set; } = null!;
    public required string Name { get; set; }
    /// <summary>The commitment every member school makes, word for word, in its letter of commitment.</summary>
    public required string Commitment { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ImprovementFramework> Frameworks { get; set; } = [];
    public List<LeagueMembership> Memberships { get; set; } = [];
}

internal sealed class LeagueConfiguration : IEntityTypeConfiguration<League>
{
    public void Configure(EntityTypeBuilder<League> l)
    {
        l.Property(x => x.Name).HasMaxLength(200);
        l.Property(x => x.Commitment).HasMaxLength(4000);
        l.HasIndex(x => new { x.ConsortiumId, x.Name }).IsUnique();
        l.HasOne(x => x.Consortium).WithMany().HasForeignKey(x => x.ConsortiumId);
    }
}
