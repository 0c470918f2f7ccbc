using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>An educator on a peer visit's visiting team.</summary>
public sealed class PeerVisitor : Entity
{
    public int VisitId { get; set; }
    public PeerVisit Visit { get; set; } = null!;
    public int EducatorId { get; set; }
    public Educator Educator { get; set; } = null!;
    /// <summary>The educator's school when the visit was booked (none for coordinators and state staff): what "visits made" counts by.</summary>
    public int? SchoolId { get; set; }
    public Schools.School? School { get; set; }
}

internal sealed class PeerVisitorConfiguration : IEntityTypeConfiguration<PeerVisitor>
{
    public void Configure(EntityTypeBuilder<PeerVisitor> v)
    {
        v.HasIndex(x => new { x.VisitId, x.EducatorId }).IsUnique();
        v.HasIndex(x => x.EducatorId);
        v.HasIndex(x => x.SchoolId);
        v.HasOne(x => x.Visit).WithMany(x => x.Visitors).HasForeignKey(x => x.VisitId);
        v.HasOne(x => x.Educator).WithMany().HasForeignKey(x => x.EducatorId);
        v.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId);
    }
}
