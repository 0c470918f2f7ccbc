using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// A practice a member school shares with the League: what it is, what worked and what did not, the framework dimensions
/// it serves, the grades it was tried in, and links to its materials. Searchable by full text (<see cref="PracticeSearch"/>).
/// </summary>
public sealed class SharedPractice : Entity
{
    public const int MaxLinks = 10;

    public int LeagueId { get; set; }
    public League League { get; set; } = null!;
    public int MembershipId { get; set; }
    public LeagueMembership Membership { get; set; } = null!;
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public string? WhatWorked { get; set; }
    public string? WhatDidNot { get; set; }
    /// <summary>Keys of the framework dimensions it serves (of the version in force when shared).</summary>
    public List<string> Dimensions { get; set; } = [];
    /// <summary>"9", "10", "K": the grades it was tried in.</summary>
    public List<string> GradeLevels { get; set; } = [];
    public List<string> Links { get; set; } = [];
    public DateTime SharedAt { get; set; }
}

internal sealed class SharedPracticeConfiguration : IEntityTypeConfiguration<SharedPractice>
{
    public void Configure(EntityTypeBuilder<SharedPractice> p)
    {
        p.Property(x => x.Title).HasMaxLength(200);
        p.Property(x => x.Summary).HasMaxLength(4000);
        p.Property(x => x.WhatWorked).HasMaxLength(4000);
        p.Property(x => x.WhatDidNot).HasMaxLength(4000);
        p.HasIndex(x => new { x.LeagueId, x.SharedAt });
        p.HasIndex(x => x.MembershipId);
        p.HasOne(x => x.League).WithMany().HasForeignKey(x => x.LeagueId);
        p.HasOne(x => x.Membership).WithMany().HasForeignKey(x => x.MembershipId);
    }
}
