using System.ComponentModel;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.CostSharing;

/// <summary>
/// One employee (or contracted service) a partnership shares: the district that employs it and pays its cost,
/// the cost, and how the cost is split among the members, as the partnership's MOU agrees.
/// </summary>
public sealed class SharedPosition : RevisedEntity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    public required string Title { get; set; }
    public PositionKind Kind { get; set; }
    /// <summary>The member that employs (or contracts) and pays; the others owe it their shares.</summary>
    public int EmployingDistrictId { get; set; }
    public District EmployingDistrict { get; set; } = null!;
    public decimal AnnualSalary { get; set; }
    public decimal AnnualBenefits { get; set; }
    public AllocationMethod Method { get; set; }
    /// <summary>The member that takes the cents an allocation leaves over, so the parts add up to the whole.</summary>
    public int RemainderDistrictId { get; set; }
    public District RemainderDistrict { get; set; } = null!;
    public DateOnly StartsOn { get; set; }
    public List<PositionShare> Shares { get; set; } = [];

    public decimal AnnualCost => AnnualSalary + AnnualBenefits;
}

/// <summary>One member's basis in a shared position's allocation: its FTE, hours, students served or fixed share.</summary>
public sealed class PositionShare : Entity
{
    public int PositionId { get; set; }
    public SharedPosition Position { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    /// <summary>The basis in thousandths of its unit (0.4 FTE is 400; 12 hours 12000; 33.333% 33333), so allocation is integer arithmetic.</summary>
    public long BasisThousandths { get; set; }
}

[Description("What a shared position is.")]
public enum PositionKind
{
    [Description("An employee of the employing district.")] Employee,
    [Description("A contracted service the employing district buys.")] ContractedService,
}

[Description("How a shared cost is split among the members, as the partnership's MOU agrees.")]
public enum AllocationMethod
{
    [Description("In proportion to each member's FTE of the position.")] ByFte,
    [Description("In proportion to the hours the position works for each member.")] ByHours,
    [Description("In proportion to the students it serves in each member.")] ByStudentsServed,
    [Description("By fixed percentage shares that add up to 100.")] FixedShares,
}

internal sealed class SharedPositionConfiguration : IEntityTypeConfiguration<SharedPosition>, IEntityTypeConfiguration<PositionShare>
{
    public void Configure(EntityTypeBuilder<SharedPosition> p)
    {
        p.Property(x => x.Title).HasMaxLength(200);
        p.HasIndex(x => x.PartnershipId);
        p.HasOne(x => x.Partnership).WithMany().HasForeignKey(x => x.PartnershipId);
        p.HasOne(x => x.EmployingDistrict).WithMany().HasForeignKey(x => x.EmployingDistrictId);
        p.HasOne(x => x.RemainderDistrict).WithMany().HasForeignKey(x => x.RemainderDistrictId);
        p.Ignore(x => x.AnnualCost);
    }

    public void Configure(EntityTypeBuilder<PositionShare> s)
    {
        s.HasIndex(x => new { x.PositionId, x.DistrictId }).IsUnique();
        s.HasIndex(x => x.DistrictId);
        s.HasOne(x => x.Position).WithMany(x => x.Shares).HasForeignKey(x => x.PositionId);
        s.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
    }
}
