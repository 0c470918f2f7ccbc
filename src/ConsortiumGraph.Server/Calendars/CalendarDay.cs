using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Calendars;

/// <summary>
/// One day of a district's calendar. Calendars are data because members' calendars differ and
/// shared courses and joint professional learning need the days they have in common.
/// </summary>
public sealed class CalendarDay : Entity
{
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public DateOnly Date { get; set; }
    public bool InSession { get; set; }
    public bool EarlyRelease { get; set; }
    public string? Note { get; set; }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> c)
    {
        c.Property(x => x.Note).HasMaxLength(200);
        c.HasIndex(x => new { x.DistrictId, x.Date }).IsUnique();
        c.HasOne(x => x.District).WithMany(x => x.CalendarDays).HasForeignKey(x => x.DistrictId);
    }
}
