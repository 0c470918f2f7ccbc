using System.ComponentModel;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>One of the four signatures a school's letter of commitment needs, by whom and when.</summary>
public sealed class LetterSignature : Entity
{
    public int MembershipId { get; set; }
    public LeagueMembership Membership { get; set; } = null!;
    public Signatory Signatory { get; set; }
    public required string SignedBy { get; set; }
    public DateTime SignedAt { get; set; }
}

[Description("Who signs a school's letter of commitment to the League: all four, for the school to become a member.")]
public enum Signatory
{
    [Description("The school's principal.")] Principal,
    [Description("The district's superintendent.")] Superintendent,
    [Description("The representative of the school's leadership team.")] LeadershipTeam,
    [Description("The chair of the school board.")] BoardChair,
}

internal sealed class LetterSignatureConfiguration : IEntityTypeConfiguration<LetterSignature>
{
    public void Configure(EntityTypeBuilder<LetterSignature> s)
    {
        s.Property(x => x.SignedBy).HasMaxLength(200);
        s.HasIndex(x => new { x.MembershipId, x.Signatory }).IsUnique();
        s.HasOne(x => x.Membership).WithMany(x => x.Signatures).HasForeignKey(x => x.MembershipId);
    }
}
