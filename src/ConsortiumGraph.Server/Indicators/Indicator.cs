using System.ComponentModel;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Indicators;

/// <summary>A standard measure a consortium defines so members' data rolls up.</summary>
public sealed class Indicator : Entity
{
    public int ConsortiumId { get; set; }
    public Consortium Consortium { get; set; } = null!;
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public Aggregation Aggregation { get; set; }
    /// <summary>Values about fewer students than this are suppressed in roll-ups.</summary>
    public int MinimumGroupSize { get; set; } = 10;
    public List<IndicatorValue> Values { get; set; } = [];
}

/// <summary>A district's reported value of an indicator for one period (a school year such as "2024-25", or a term).</summary>
public sealed class IndicatorValue : Entity
{
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public required string Period { get; set; }
    public double Value { get; set; }
    /// <summary>How many students the value is about; drives small-group suppression.</summary>
    public int StudentCount { get; set; }
    public DateTime ReportedAt { get; set; }
}

[Description("How district values of an indicator combine in a roll-up.")]
public enum Aggregation
{
    [Description("Added across districts.")] Sum,
    [Description("Plain mean across districts.")] Mean,
    [Description("Mean across districts weighted by each district's enrollment.")] EnrollmentWeightedMean,
    [Description("Smallest district value.")] Min,
    [Description("Largest district value.")] Max,
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>, IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<Indicator> i)
    {
        i.Property(x => x.Code).HasMaxLength(64);
        i.Property(x => x.Name).HasMaxLength(200);
        i.Property(x => x.Unit).HasMaxLength(32);
        i.HasIndex(x => new { x.ConsortiumId, x.Code }).IsUnique();
        i.HasOne(x => x.Consortium).WithMany(x => x.Indicators).HasForeignKey(x => x.ConsortiumId);
    }

    public void Configure(EntityTypeBuilder<IndicatorValue> v)
    {
        v.Property(x => x.Period).HasMaxLength(16);
        v.HasIndex(x => new { x.IndicatorId, x.DistrictId, x.Period }).IsUnique();
        v.HasIndex(x => x.DistrictId);
        v.HasOne(x => x.Indicator).WithMany(x => x.Values).HasForeignKey(x => x.IndicatorId);
        v.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
    }
}
