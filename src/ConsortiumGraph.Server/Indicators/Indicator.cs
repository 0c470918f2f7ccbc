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
    /// <summary>What its values are about: each district, or each school (the League's common metrics).</summary>
    public IndicatorLevel Level { get; set; }
    /// <summary>Values about fewer students than this are suppressed in roll-ups.</summary>
    public int MinimumGroupSize { get; set; } = 10;
    public List<IndicatorValue> Values { get; set; } = [];
    public List<DataSharingConsent> Consents { get; set; } = [];
}

/// <summary>
/// A district's reported value of an indicator for one period (a school year such as "2024-25", or a term): the district's
/// own, or one of its schools' for a school indicator (the League's common metrics). Revised, so that two concurrent re-reports cannot both replace the same value and lose one from the history.
/// </summary>
public sealed class IndicatorValue : RevisedEntity
{
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    /// <summary>The school of the district the value is about; null for the district's own value.</summary>
    public int? SchoolId { get; set; }
    public Schools.School? School { get; set; }
    public required string Period { get; set; }
    public double Value { get; set; }
    /// <summary>How many students the value is about; drives small-group suppression.</summary>
    public int StudentCount { get; set; }
    public DateTime ReportedAt { get; set; }
    public List<IndicatorValueRevision> Revisions { get; set; } = [];
}

[Description("What an indicator's values are about. A district indicator rolls up districts, a school indicator schools: no student counts twice, and funder reports show district indicators only.")]
public enum IndicatorLevel
{
    [Description("Each district reports its own value.")] District,
    [Description("Each school has its own value, reported by its district (or, for a League school outside the member districts, by the consortium's admins).")] School,
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

/// <summary>A value a re-report replaced: the history of an indicator value, never lost.</summary>
public sealed class IndicatorValueRevision : Entity
{
    public int IndicatorValueId { get; set; }
    public IndicatorValue IndicatorValue { get; set; } = null!;
    public double Value { get; set; }
    public int StudentCount { get; set; }
    public DateTime ReportedAt { get; set; }
    public DateTime ReplacedAt { get; set; }
}

/// <summary>
/// A district's choice to show one of its indicators to funders ("each district decides what it shares
/// beyond the consortium"). Without one, funders see nothing of that indicator for that district.
/// </summary>
public sealed class DataSharingConsent : Entity
{
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public bool SharedWithFunders { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>, IEntityTypeConfiguration<IndicatorValue>,
    IEntityTypeConfiguration<IndicatorValueRevision>, IEntityTypeConfiguration<DataSharingConsent>
{
    public void Configure(EntityTypeBuilder<IndicatorValueRevision> r)
    {
        r.HasIndex(x => x.IndicatorValueId);
        r.HasOne(x => x.IndicatorValue).WithMany(x => x.Revisions).HasForeignKey(x => x.IndicatorValueId);
    }

    public void Configure(EntityTypeBuilder<DataSharingConsent> c)
    {
        c.HasIndex(x => new { x.IndicatorId, x.DistrictId }).IsUnique();
        c.HasOne(x => x.Indicator).WithMany(x => x.Consents).HasForeignKey(x => x.IndicatorId);
        c.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
    }

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
        // One value per district, or per school, and period. Two filtered indexes, since a unique index counts NULLs as
        // distinct on SQLite and PostgreSQL (the filters' quoted names read the same on all three providers).
        v.HasIndex(x => new { x.IndicatorId, x.DistrictId, x.Period }).IsUnique().HasFilter("\"SchoolId\" IS NULL");
        v.HasIndex(x => new { x.IndicatorId, x.SchoolId, x.Period }).IsUnique().HasFilter("\"SchoolId\" IS NOT NULL");
        v.HasIndex(x => x.DistrictId);
        v.HasIndex(x => x.SchoolId);
        v.HasOne(x => x.Indicator).WithMany(x => x.Values).HasForeignKey(x => x.IndicatorId);
        v.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
        v.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId);
    }
}
