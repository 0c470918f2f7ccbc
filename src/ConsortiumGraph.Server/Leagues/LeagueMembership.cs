using System.ComponentModel;
using ConsortiumGraph.Data;
using ConsortiumGraph.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// A school's membership of a League: asked for on a day, active once its letter of commitment carries all four
/// signatures (principal, superintendent, the school leadership team's representative, the board chair), ended by
/// leaving. A school that leaves and joins again has a new membership; the old one and its history stay.
/// </summary>
public sealed class LeagueMembership : RevisedEntity
{
    public int LeagueId { get; set; }
    public League League { get; set; } = null!;
    public int SchoolId { get; set; }
    public School School { get; set; } = null!;
    /// <summary>
    /// The school's district, kept beside the school: a district outside the consortium is readable through its school's
    /// membership, and the row filter reaches it here without cycling from districts through schools back to districts.
    /// </summary>
    public int DistrictId { get; set; }
    public Districts.District District { get; set; } = null!;
    public DateOnly RequestedOn { get; set; }
    /// <summary>The day the letter was fully signed: the school is a member from then.</summary>
    public DateOnly? JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? LeaveReason { get; set; }
    public List<LetterSignature> Signatures { get; set; } = [];
    public List<SelfAssessment> SelfAssessments { get; set; } = [];

    /// <summary>Who has yet to sign the letter of commitment, given its signatures so far.</summary>
    public static IEnumerable<Signatory> MissingSignatures(IEnumerable<LetterSignature> signatures) =>
        Enum.GetValues<Signatory>().Where(s => signatures.All(x => x.Signatory != s));

    public LeagueMembershipStatus Status => LeftOn is not null ? LeagueMembershipStatus.Left
        : JoinedOn is not null ? LeagueMembershipStatus.Active : LeagueMembershipStatus.Pending;
}

[Description("Where a school's League membership stands.")]
public enum LeagueMembershipStatus
{
    [Description("Asked for: the letter of commitment still lacks a signature.")] Pending,
    [Description("A member: the letter carries every signature.")] Active,
    [Description("The school left the League; its history stays.")] Left,
}

internal sealed class LeagueMembershipConfiguration : IEntityTypeConfiguration<LeagueMembership>
{
    public void Configure(EntityTypeBuilder<LeagueMembership> m)
    {
        m.Ignore(x => x.Status);
        m.Property(x => x.LeaveReason).HasMaxLength(2000);
        m.HasIndex(x => new { x.LeagueId, x.SchoolId });
        m.HasIndex(x => x.SchoolId);
        m.HasIndex(x => x.DistrictId);
        m.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
        m.HasOne(x => x.League).WithMany(x => x.Memberships).HasForeignKey(x => x.LeagueId);
        m.HasOne(x => x.School).WithMany(x => x.LeagueMemberships).HasForeignKey(x => x.SchoolId);
    }
}
