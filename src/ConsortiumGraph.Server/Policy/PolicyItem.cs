using System.ComponentModel;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Policy;

/// <summary>
/// A state policy or barrier a consortium works on (a statute, a regulation, guidance): where the consortium stands,
/// where the work is, the advocacy partnerships carrying it and the evidence it brings, from the League's data among
/// others. Revised, so two admins changing one item at once serialize.
/// </summary>
public sealed class PolicyItem : RevisedEntity
{
    public int ConsortiumId { get; set; }
    public Consortia.Consortium Consortium { get; set; } = null!;
    public required string State { get; set; }
    public required string Title { get; set; }
    public PolicyKind Kind { get; set; }
    public PolicyPosition Position { get; set; }
    public PolicyStatus Status { get; set; }
    public string? Summary { get; set; }
    /// <summary>What the consortium brings to the case: figures from its members' and the League's data, in words.</summary>
    public string? Evidence { get; set; }
    public DateTime TrackedAt { get; set; }
    public List<PolicyPartnership> Partnerships { get; set; } = [];
}

/// <summary>An advocacy partnership that carries a policy item.</summary>
public sealed class PolicyPartnership : Entity
{
    public int PolicyItemId { get; set; }
    public PolicyItem PolicyItem { get; set; } = null!;
    public int PartnershipId { get; set; }
    public Partnerships.Partnership Partnership { get; set; } = null!;
}

[Description("What kind of state policy an item is.")]
public enum PolicyKind
{
    [Description("A law the legislature passed.")] Statute,
    [Description("A rule of the state board or agency.")] Regulation,
    [Description("The state agency's guidance or interpretation.")] Guidance,
}

[Description("Where the consortium stands on a policy item.")]
public enum PolicyPosition
{
    [Description("For it as it is, or for passing it.")] Support,
    [Description("Against it.")] Oppose,
    [Description("For changing it: the barrier is in how it is written or applied.")] SeekChange,
    [Description("Following it without a position yet.")] Monitor,
}

[Description("Where the work on a policy item is.")]
public enum PolicyStatus
{
    [Description("Following it; no advocacy under way.")] Watching,
    [Description("The consortium is advocating: testimony, meetings, letters.")] Advocating,
    [Description("The change the consortium sought was made.")] Achieved,
    [Description("Decided against the consortium's position.")] NotAchieved,
    [Description("The consortium stopped working on it.")] Closed,
}

internal sealed class PolicyItemConfiguration : IEntityTypeConfiguration<PolicyItem>, IEntityTypeConfiguration<PolicyPartnership>
{
    public void Configure(EntityTypeBuilder<PolicyItem> p)
    {
        p.Property(x => x.State).HasMaxLength(2);
        p.Property(x => x.Title).HasMaxLength(200);
        p.Property(x => x.Summary).HasMaxLength(4000);
        p.Property(x => x.Evidence).HasMaxLength(4000);
        p.HasIndex(x => new { x.ConsortiumId, x.State, x.Title }).IsUnique();
        p.HasOne(x => x.Consortium).WithMany().HasForeignKey(x => x.ConsortiumId);
    }

    public void Configure(EntityTypeBuilder<PolicyPartnership> l)
    {
        l.HasIndex(x => new { x.PolicyItemId, x.PartnershipId }).IsUnique();
        l.HasIndex(x => x.PartnershipId);
        l.HasOne(x => x.PolicyItem).WithMany(x => x.Partnerships).HasForeignKey(x => x.PolicyItemId);
        l.HasOne(x => x.Partnership).WithMany().HasForeignKey(x => x.PartnershipId);
    }
}
