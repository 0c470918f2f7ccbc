using System.ComponentModel;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// A peer school visit: a member school hosts a team of educators from other member schools on a day, around a focus
/// question of its own, and the visitors give it candid feedback (strengths, questions, suggestions) afterwards.
/// Scheduling revises the host's membership, so two visits booked at once for one host serialize.
/// </summary>
public sealed class PeerVisit : RevisedEntity
{
    public int LeagueId { get; set; }
    public League League { get; set; } = null!;
    public int HostMembershipId { get; set; }
    public LeagueMembership HostMembership { get; set; } = null!;
    public DateOnly VisitOn { get; set; }
    public required string FocusQuestion { get; set; }
    public DateTime ScheduledAt { get; set; }
    public DateOnly? CancelledOn { get; set; }
    public string? CancelReason { get; set; }
    public List<PeerVisitor> Visitors { get; set; } = [];
    public List<VisitFeedback> Feedback { get; set; } = [];

    public PeerVisitStatus StatusOn(DateOnly today) => CancelledOn is not null ? PeerVisitStatus.Cancelled
        : VisitOn <= today ? PeerVisitStatus.Held : PeerVisitStatus.Scheduled;
}

[Description("Where a peer visit stands.")]
public enum PeerVisitStatus
{
    [Description("Booked for a day still to come.")] Scheduled,
    [Description("Its day has come: the visitors give their feedback.")] Held,
    [Description("Called off before its day.")] Cancelled,
}

internal sealed class PeerVisitConfiguration : IEntityTypeConfiguration<PeerVisit>
{
    public void Configure(EntityTypeBuilder<PeerVisit> v)
    {
        v.Property(x => x.FocusQuestion).HasMaxLength(1000);
        v.Property(x => x.CancelReason).HasMaxLength(2000);
        v.HasIndex(x => new { x.HostMembershipId, x.VisitOn });
        v.HasIndex(x => new { x.LeagueId, x.VisitOn });
        v.HasOne(x => x.League).WithMany().HasForeignKey(x => x.LeagueId);
        v.HasOne(x => x.HostMembership).WithMany().HasForeignKey(x => x.HostMembershipId);
    }
}
