using System.ComponentModel;
using ConsortiumGraph.Agreements;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Data;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Grants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Partnerships;

/// <summary>One collaborative project inside a consortium.</summary>
public sealed class Partnership : RevisedEntity
{
    public int ConsortiumId { get; set; }
    public Consortium Consortium { get; set; } = null!;
    public required string Name { get; set; }
    public PartnershipKind Kind { get; set; }
    public PartnershipStatus Status { get; set; }
    public string? SharedGoal { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>The day a COMPLETED or DISSOLVED partnership ended.</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Why it was dissolved (or a closing note on completion).</summary>
    public string? ClosingReason { get; set; }

    public List<PartnershipMember> Members { get; set; } = [];
    public List<DecisionRight> DecisionRights { get; set; } = [];
    public List<Agreement> Agreements { get; set; } = [];
    public List<Commitment> Commitments { get; set; } = [];
    public List<Decision> Decisions { get; set; } = [];
    public List<Grant> Grants { get; set; } = [];
    public List<Purchasing.PurchaseLine> Purchases { get; set; } = [];
    public List<CostSharing.InterDistrictInvoice> Invoices { get; set; } = [];
}

/// <summary>
/// A district's place in a partnership. Its roles are a set: every member holds MEMBER, and one member
/// can also be the lead and the fiscal agent, as in most consortium grants.
/// </summary>
public sealed class PartnershipMember : Entity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public bool IsLead { get; set; }
    public bool IsFiscalAgent { get; set; }
    public DateOnly JoinedOn { get; set; }
    /// <summary>The day the district stops being a member, once it gave notice (<c>leavePartnership</c>); it is a member until then.</summary>
    public DateOnly? LeftOn { get; set; }

    /// <summary>Still a member on <paramref name="day"/>: a district that gave notice stays one until its leaving day.</summary>
    public bool IsCurrentOn(DateOnly day) => LeftOn is not { } left || left > day;

    public bool Holds(MemberRole role) => role switch { MemberRole.Lead => IsLead, MemberRole.FiscalAgent => IsFiscalAgent, _ => true };

    /// <summary>The roles held, most significant first: LEAD, FISCAL_AGENT, then MEMBER, which every member holds.</summary>
    public IReadOnlyList<MemberRole> Roles => HeldRoles[(IsLead ? 2 : 0) + (IsFiscalAgent ? 1 : 0)];

    // The four sets a member can hold, by (lead, fiscal agent): a list of members reads them for every row.
    private static readonly MemberRole[][] HeldRoles =
        [[MemberRole.Member], [MemberRole.FiscalAgent, MemberRole.Member], [MemberRole.Lead, MemberRole.Member], [MemberRole.Lead, MemberRole.FiscalAgent, MemberRole.Member]];

    /// <summary>The one role the API answered before roles became a set: the most significant held.</summary>
    public MemberRole PrincipalRole => Roles.First();
}

/// <summary>Who decides in one area of a partnership, and by which rule.</summary>
public sealed class DecisionRight : Entity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    public required string Area { get; set; }
    public DecisionRule Rule { get; set; }
}

[Description("The kind of collaboration a partnership is.")]
public enum PartnershipKind
{
    [Description("Buying together for a consortium price instead of each district's standalone price.")] JointPurchasing,
    [Description("A service run once for several districts.")] SharedService,
    [Description("An employee whose time is split across districts by FTE.")] SharedStaff,
    [Description("A specialized course offered to students of other districts, by seats.")] SharedCourse,
    [Description("A professional learning network with peer-to-peer accountability.")] ProfessionalLearning,
    [Description("Speaking together on state and local policy.")] Advocacy,
    [Description("A project funded by a grant, with one district as fiscal agent.")] GrantProject,
}

[Description("Where a partnership is in its lifecycle.")]
public enum PartnershipStatus
{
    [Description("Agreed in principle; not every member has signed the current agreement yet.")] Proposed,
    [Description("Every member signed the agreement; work is under way.")] Active,
    [Description("The work was finished as agreed.")] Completed,
    [Description("Ended before completion.")] Dissolved,
}

[Description("A member district's role in a partnership; one member can hold several (a lead that is also the fiscal agent).")]
public enum MemberRole
{
    [Description("Leads the partnership; decides areas whose rule is LEAD_DISTRICT. Exactly one per partnership.")] Lead,
    [Description("Receives and accounts for grant funds; decides areas whose rule is FISCAL_AGENT. At most one per partnership (exactly one where a grant funds it); it can also be the lead.")] FiscalAgent,
    [Description("A participating district: every member holds this role.")] Member,
}

[Description("How decisions in an area are taken.")]
public enum DecisionRule
{
    [Description("Adopted when every member voted and none voted NO; any NO rejects it.")] Unanimous,
    [Description("Adopted when more than half of all members vote YES.")] Majority,
    [Description("Adopted when at least two thirds of all members vote YES.")] TwoThirds,
    [Description("The lead district's vote decides.")] LeadDistrict,
    [Description("The fiscal agent's vote decides.")] FiscalAgent,
}

internal sealed class PartnershipConfiguration :
    IEntityTypeConfiguration<Partnership>, IEntityTypeConfiguration<PartnershipMember>, IEntityTypeConfiguration<DecisionRight>
{
    public void Configure(EntityTypeBuilder<Partnership> p)
    {
        p.Property(x => x.Name).HasMaxLength(200);
        p.Property(x => x.SharedGoal).HasMaxLength(2000);
        p.Property(x => x.ClosingReason).HasMaxLength(2000);
        p.HasIndex(x => new { x.ConsortiumId, x.Name }).IsUnique();
        p.HasIndex(x => new { x.Status, x.Id });
        p.HasIndex(x => new { x.StartsOn, x.Id });
        p.HasIndex(x => x.Kind);
        p.HasOne(x => x.Consortium).WithMany(x => x.Partnerships).HasForeignKey(x => x.ConsortiumId);
    }

    public void Configure(EntityTypeBuilder<PartnershipMember> m)
    {
        m.HasIndex(x => new { x.PartnershipId, x.DistrictId }).IsUnique();
        m.HasIndex(x => x.DistrictId);
        m.Ignore(x => x.Roles);
        m.Ignore(x => x.PrincipalRole);
        m.HasOne(x => x.Partnership).WithMany(x => x.Members).HasForeignKey(x => x.PartnershipId);
        m.HasOne(x => x.District).WithMany(x => x.PartnershipMemberships).HasForeignKey(x => x.DistrictId);
    }

    public void Configure(EntityTypeBuilder<DecisionRight> r)
    {
        r.Property(x => x.Area).HasMaxLength(64);
        r.HasIndex(x => new { x.PartnershipId, x.Area }).IsUnique();
        r.HasOne(x => x.Partnership).WithMany(x => x.DecisionRights).HasForeignKey(x => x.PartnershipId);
    }
}
