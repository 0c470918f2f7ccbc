using System.ComponentModel;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Decisions;

/// <summary>A question put to a partnership's members, decided by the rule of its area.</summary>
public sealed class Decision : RevisedEntity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    public required string Area { get; set; }
    public required string Title { get; set; }
    /// <summary>The area's rule when the decision was proposed; later changes to decision rights do not move it.</summary>
    public DecisionRule Rule { get; set; }
    public DecisionStatus Status { get; set; }
    public DateTime ProposedAt { get; set; }
    /// <summary>The member district that put the question; null when an admin did. Its staff may withdraw it.</summary>
    public int? ProposedByDistrictId { get; set; }
    public District? ProposedByDistrict { get; set; }
    public DateTime Deadline { get; set; }
    /// <summary>The day the decided activity takes place, when the decision schedules one (a shared professional-learning day).</summary>
    public DateOnly? ScheduledOn { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Why the proposer or an admin withdrew it.</summary>
    public string? WithdrawalReason { get; set; }
    public List<Vote> Votes { get; set; } = [];
    /// <summary>For a decision of the governance area: the partnership's decision rights as they become once it is adopted.</summary>
    public List<ProposedDecisionRight> ProposedDecisionRights { get; set; } = [];
}

/// <summary>One area's rule in the decision rights a governance decision proposes.</summary>
public sealed class ProposedDecisionRight : Entity
{
    public int DecisionId { get; set; }
    public Decision Decision { get; set; } = null!;
    public required string Area { get; set; }
    public DecisionRule Rule { get; set; }
}

public sealed class Vote : Entity
{
    public int DecisionId { get; set; }
    public Decision Decision { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public VoteChoice Choice { get; set; }
    public DateTime CastAt { get; set; }
    public string? Comment { get; set; }
}

[Description("Where a decision stands.")]
public enum DecisionStatus
{
    [Description("Voting is open.")] Open,
    [Description("The area's rule was met.")] Adopted,
    [Description("The area's rule can no longer be met.")] Rejected,
    [Description("The deadline passed before the outcome was certain.")] Expired,
    [Description("Withdrawn by its proposer or an admin before it was decided.")] Withdrawn,
}

[Description("A member's vote.")]
public enum VoteChoice
{
    [Description("For.")] Yes,
    [Description("Against.")] No,
    [Description("Counted as a vote cast, neither for nor against.")] Abstain,
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>, IEntityTypeConfiguration<Vote>, IEntityTypeConfiguration<ProposedDecisionRight>
{
    public void Configure(EntityTypeBuilder<ProposedDecisionRight> r)
    {
        r.Property(x => x.Area).HasMaxLength(64);
        r.HasIndex(x => new { x.DecisionId, x.Area }).IsUnique();
        r.HasOne(x => x.Decision).WithMany(x => x.ProposedDecisionRights).HasForeignKey(x => x.DecisionId);
    }

    public void Configure(EntityTypeBuilder<Decision> d)
    {
        d.Property(x => x.Area).HasMaxLength(64);
        d.Property(x => x.Title).HasMaxLength(200);
        d.Property(x => x.WithdrawalReason).HasMaxLength(2000);
        d.HasIndex(x => new { x.PartnershipId, x.Id });
        d.HasIndex(x => new { x.Status, x.Deadline });
        d.HasOne(x => x.Partnership).WithMany(x => x.Decisions).HasForeignKey(x => x.PartnershipId);
        d.HasOne(x => x.ProposedByDistrict).WithMany().HasForeignKey(x => x.ProposedByDistrictId);
    }

    public void Configure(EntityTypeBuilder<Vote> v)
    {
        v.Property(x => x.Comment).HasMaxLength(2000);
        v.HasIndex(x => new { x.DecisionId, x.DistrictId }).IsUnique();
        v.HasOne(x => x.Decision).WithMany(x => x.Votes).HasForeignKey(x => x.DecisionId);
        v.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
    }
}
