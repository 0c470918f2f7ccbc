using System.ComponentModel;
using ConsortiumGraph.Calendars;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Data;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Districts;

/// <summary>A local education agency.</summary>
public sealed class District : RevisedEntity
{
    /// <summary>Stable external code; the federal LEA id is the usual one.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>Two-letter USPS state code.</summary>
    public required string State { get; set; }
    public Locale Locale { get; set; }
    public int Enrollment { get; set; }
    public double? StaffCapacityFte { get; set; }
    public string? DataSystem { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>The day it closed (merged, dissolved); it stays in the directory, its code never reused.</summary>
    public DateOnly? ClosedOn { get; set; }

    public List<School> Schools { get; set; } = [];
    public List<ConsortiumMembership> ConsortiumMemberships { get; set; } = [];
    public List<PartnershipMember> PartnershipMemberships { get; set; } = [];
    public List<Commitment> Commitments { get; set; } = [];
    public List<CalendarDay> CalendarDays { get; set; } = [];
}

/// <summary>NCES locale categories.</summary>
[Description("NCES locale category of a district: how urban or rural it is.")]
public enum Locale
{
    [Description("Inside an urbanized area and a principal city.")] City,
    [Description("Inside an urbanized area, outside a principal city.")] Suburb,
    [Description("Inside an urban cluster.")] Town,
    [Description("Outside any urbanized area or urban cluster.")] Rural,
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> d)
    {
        d.Property(x => x.Code).HasMaxLength(32);
        d.Property(x => x.Name).HasMaxLength(200);
        d.Property(x => x.State).HasMaxLength(2).IsFixedLength();
        d.Property(x => x.DataSystem).HasMaxLength(100);
        d.HasIndex(x => x.Code).IsUnique();
        // Every filter and order of DistrictFilter/DistrictOrder has an index to seek on.
        d.HasIndex(x => new { x.Name, x.Id });
        d.HasIndex(x => new { x.State, x.Id });
        d.HasIndex(x => new { x.Enrollment, x.Id });
        d.HasIndex(x => x.Locale);
    }
}
