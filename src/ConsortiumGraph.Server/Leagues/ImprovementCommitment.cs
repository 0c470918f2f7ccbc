using ConsortiumGraph.Commitments;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// What a member school commits to improve, on dimensions of the League's framework: from its own action plan, or as
/// the follow-up to a peer visit it hosted. Its progress reports are a history, as a partnership commitment's are;
/// revised, so two reports on one commitment serialize and none is stored after DONE.
/// </summary>
public sealed class ImprovementCommitment : RevisedEntity
{
    public int LeagueId { get; set; }
    public League League { get; set; } = null!;
    public int MembershipId { get; set; }
    public LeagueMembership Membership { get; set; } = null!;
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>Keys of the framework dimensions it works on (of the version in force when made).</summary>
    public List<string> Dimensions { get; set; } = [];
    public DateOnly? DueOn { get; set; }
    public CommitmentStatus Status { get; set; }
    /// <summary>The peer visit whose feedback it answers, when it is a follow-up.</summary>
    public int? VisitId { get; set; }
    public PeerVisit? Visit { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ImprovementProgress> Progress { get; set; } = [];
}

/// <summary>One dated progress report on a school's improvement commitment.</summary>
public sealed class ImprovementProgress : Entity
{
    public int CommitmentId { get; set; }
    public ImprovementCommitment Commitment { get; set; } = null!;
    public DateTime ReportedAt { get; set; }
    public CommitmentStatus Status { get; set; }
    public int? PercentComplete { get; set; }
    public string? Note { get; set; }
}

internal sealed class ImprovementCommitmentConfiguration : IEntityTypeConfiguration<ImprovementCommitment>, IEntityTypeConfiguration<ImprovementProgress>
{
    public void Configure(EntityTypeBuilder<ImprovementCommitment> c)
    {
        c.Property(x => x.Title).HasMaxLength(200);
        c.Property(x => x.Description).HasMaxLength(4000);
        c.HasIndex(x => x.MembershipId);
        c.HasIndex(x => x.LeagueId);
        c.HasIndex(x => x.VisitId);
        c.HasOne(x => x.League).WithMany().HasForeignKey(x => x.LeagueId);
        c.HasOne(x => x.Membership).WithMany().HasForeignKey(x => x.MembershipId);
        c.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId);
    }

    public void Configure(EntityTypeBuilder<ImprovementProgress> p)
    {
        p.Property(x => x.Note).HasMaxLength(4000);
        p.HasIndex(x => x.CommitmentId);
        p.HasOne(x => x.Commitment).WithMany(x => x.Progress).HasForeignKey(x => x.CommitmentId);
    }
}
