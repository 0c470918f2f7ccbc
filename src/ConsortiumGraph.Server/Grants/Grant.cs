using System.ComponentModel;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Grants;

/// <summary>
/// Money a funder awards to a partnership, received and accounted for by one member district, its fiscal
/// agent. Revised: every change to the award, its budget or its books (a drawdown, an expenditure) revises
/// it, so two writers can never together spend or draw past the award.
/// </summary>
public sealed class Grant : RevisedEntity
{
    public int FunderId { get; set; }
    public Funder Funder { get; set; } = null!;
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    /// <summary>The member district that receives the funds and keeps the books.</summary>
    public int FiscalAgentId { get; set; }
    public District FiscalAgent { get; set; } = null!;
    /// <summary>The funder's identifier for the award, unique per funder.</summary>
    public string? AwardNumber { get; set; }
    /// <summary>The amount awarded, after every amendment.</summary>
    public decimal Amount { get; set; }
    /// <summary>What the members must contribute themselves (cash or in kind), recorded as MATCH spending.</summary>
    public decimal MatchRequired { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public GrantStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? CloseoutNote { get; set; }
    /// <summary>The number of the budget revision in force; 0 before a budget is adopted.</summary>
    public int BudgetVersion { get; set; }
    public List<GrantAmendment> Amendments { get; set; } = [];
    public List<GrantBudgetRevision> BudgetRevisions { get; set; } = [];
    public List<GrantBudgetLine> BudgetLines { get; set; } = [];
    public List<Drawdown> Drawdowns { get; set; } = [];
    public List<Expenditure> Expenditures { get; set; } = [];
    public List<GrantReport> Reports { get; set; } = [];
}

[Description("Whether a grant still takes spending.")]
public enum GrantStatus
{
    [Description("Awarded; the fiscal agent draws down and spends.")] Active,
    [Description("Closed out: its books no longer change.")] Closed,
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> g)
    {
        g.Property(x => x.AwardNumber).HasMaxLength(100);
        g.Property(x => x.CloseoutNote).HasMaxLength(4000);
        g.HasIndex(x => x.PartnershipId);
        g.HasIndex(x => new { x.FunderId, x.AwardNumber }).IsUnique();
        g.HasOne(x => x.Funder).WithMany(x => x.Grants).HasForeignKey(x => x.FunderId);
        g.HasOne(x => x.Partnership).WithMany(x => x.Grants).HasForeignKey(x => x.PartnershipId);
        g.HasOne(x => x.FiscalAgent).WithMany().HasForeignKey(x => x.FiscalAgentId);
    }
}
