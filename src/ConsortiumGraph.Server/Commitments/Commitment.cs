using System.ComponentModel;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Commitments;

/// <summary>
/// What one member (a district, or one of its schools) commits to in a partnership. Revised, so that
/// progress reports on one commitment serialize: a report read against a status another report just
/// changed is refused, never stored after DONE.
/// </summary>
public sealed class Commitment : RevisedEntity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateOnly? DueOn { get; set; }
    public CommitmentStatus Status { get; set; }
    public decimal? Dollars { get; set; }
    public double? StaffFte { get; set; }
    public int? StudentSeats { get; set; }
    public List<ProgressUpdate> Progress { get; set; } = [];

    /// <summary>The statuses of work still to do: what leaving, completing a partnership and closing a school wait for.</summary>
    public static readonly CommitmentStatus[] OpenStatuses = [CommitmentStatus.Planned, CommitmentStatus.OnTrack, CommitmentStatus.AtRisk];
}

public sealed class ProgressUpdate : Entity
{
    public int CommitmentId { get; set; }
    public Commitment Commitment { get; set; } = null!;
    public DateTime ReportedAt { get; set; }
    public CommitmentStatus Status { get; set; }
    public int? PercentComplete { get; set; }
    public string? Note { get; set; }
}

[Description("How a commitment is going.")]
public enum CommitmentStatus
{
    [Description("Committed to; work not started.")] Planned,
    [Description("Under way and expected to be done by its due date.")] OnTrack,
    [Description("Under way, but the due date or resources are in doubt.")] AtRisk,
    [Description("Delivered.")] Done,
    [Description("Withdrawn by the member.")] Dropped,
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>, IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<Commitment> c)
    {
        c.Property(x => x.Title).HasMaxLength(200);
        c.Property(x => x.Description).HasMaxLength(4000);
        c.HasIndex(x => new { x.PartnershipId, x.DueOn, x.Id });
        c.HasIndex(x => new { x.DistrictId, x.DueOn, x.Id });
        c.HasIndex(x => new { x.Status, x.Id });
        c.HasIndex(x => new { x.Title, x.Id });
        c.HasIndex(x => x.SchoolId);
        c.HasOne(x => x.Partnership).WithMany(x => x.Commitments).HasForeignKey(x => x.PartnershipId);
        c.HasOne(x => x.District).WithMany(x => x.Commitments).HasForeignKey(x => x.DistrictId);
        c.HasOne(x => x.School).WithMany(x => x.Commitments).HasForeignKey(x => x.SchoolId);
    }

    public void Configure(EntityTypeBuilder<ProgressUpdate> p)
    {
        p.Property(x => x.Note).HasMaxLength(4000);
        p.HasIndex(x => new { x.CommitmentId, x.ReportedAt });
        p.HasOne(x => x.Commitment).WithMany(x => x.Progress).HasForeignKey(x => x.CommitmentId);
    }
}
