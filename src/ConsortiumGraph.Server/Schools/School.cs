using ConsortiumGraph.Commitments;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Schools;

public sealed class School : RevisedEntity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public int Enrollment { get; set; }
    /// <summary>An active member of a League (kept by joinLeague, signLetterOfCommitment and leaveLeague), for lists that filter on it.</summary>
    public bool LeagueMember { get; set; }
    /// <summary>The day it closed; it stays in the directory with its history, and takes no new commitments.</summary>
    public DateOnly? ClosedOn { get; set; }
    public List<Commitment> Commitments { get; set; } = [];
    public List<Leagues.LeagueMembership> LeagueMemberships { get; set; } = [];
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> s)
    {
        s.Property(x => x.Code).HasMaxLength(32);
        s.Property(x => x.Name).HasMaxLength(200);
        s.HasIndex(x => x.Code).IsUnique();
        s.HasIndex(x => new { x.DistrictId, x.Name });
        s.HasOne(x => x.District).WithMany(x => x.Schools).HasForeignKey(x => x.DistrictId);
    }
}
