using System.ComponentModel;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// A person in a League: a teacher or principal of a member school, a district's superintendent or coordinator, or a
/// state agency's staff member. The League is about educators talking to educators, so visits and feedback name them.
/// Read by the League's people only: funders and anonymous callers never see a name.
/// </summary>
public sealed class Educator : RevisedEntity
{
    public int LeagueId { get; set; }
    public League League { get; set; } = null!;
    public required string Name { get; set; }
    public EducatorRole Role { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    /// <summary>The educator's district: the school's, when it has one.</summary>
    public int? DistrictId { get; set; }
    public District? District { get; set; }
    /// <summary>A state agency's two-letter state, for its staff.</summary>
    public string? State { get; set; }
    public string? Email { get; set; }
    public DateTime AddedAt { get; set; }
}

[Description("What an educator does in the League.")]
public enum EducatorRole
{
    [Description("A teacher of a member school.")] Teacher,
    [Description("A member school's principal.")] Principal,
    [Description("A district's superintendent.")] Superintendent,
    [Description("Convenes the League's work: of a district, or of the consortium when no district is named.")] Coordinator,
    [Description("Staff of a state education agency following the League's progress.")] StateAgencyStaff,
}

internal sealed class EducatorConfiguration : IEntityTypeConfiguration<Educator>
{
    public void Configure(EntityTypeBuilder<Educator> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(320);
        e.Property(x => x.State).HasMaxLength(2);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
        // One person once per League; NULL emails are distinct on every provider.
        e.HasIndex(x => new { x.LeagueId, x.Email }).IsUnique();
        e.HasIndex(x => x.SchoolId);
        e.HasIndex(x => x.DistrictId);
        e.HasOne(x => x.League).WithMany().HasForeignKey(x => x.LeagueId);
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId);
        e.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
    }
}
