using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// A standing cohort of the League's educators (principals' professional learning groups, most often) that meets over
/// the years on a focus. Joining and leaving revise the group, so a member joins once however many ask at once.
/// </summary>
public sealed class LearningGroup : RevisedEntity
{
    public int LeagueId { get; set; }
    public League League { get; set; } = null!;
    public required string Name { get; set; }
    public required string Focus { get; set; }
    public List<string> Dimensions { get; set; } = [];
    public DateTime FormedAt { get; set; }
    public List<LearningGroupMember> Members { get; set; } = [];
    public List<LearningGroupMeeting> Meetings { get; set; } = [];
}

/// <summary>An educator's membership of a learning group, from the day they joined to the day they left.</summary>
public sealed class LearningGroupMember : Entity
{
    public int GroupId { get; set; }
    public LearningGroup Group { get; set; } = null!;
    public int EducatorId { get; set; }
    public Educator Educator { get; set; } = null!;
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
}

/// <summary>One meeting of a learning group: its day, topic, notes and who came.</summary>
public sealed class LearningGroupMeeting : Entity
{
    public int GroupId { get; set; }
    public LearningGroup Group { get; set; } = null!;
    public DateOnly MetOn { get; set; }
    public required string Topic { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }
    /// <summary>The educators who came (members on the day).</summary>
    public List<LearningGroupAttendance> Attendance { get; set; } = [];
}

/// <summary>An educator who came to a learning group's meeting.</summary>
public sealed class LearningGroupAttendance : Entity
{
    public int MeetingId { get; set; }
    public LearningGroupMeeting Meeting { get; set; } = null!;
    public int EducatorId { get; set; }
    public Educator Educator { get; set; } = null!;
}

internal sealed class LearningGroupConfiguration : IEntityTypeConfiguration<LearningGroup>, IEntityTypeConfiguration<LearningGroupMember>, IEntityTypeConfiguration<LearningGroupMeeting>,
    IEntityTypeConfiguration<LearningGroupAttendance>
{
    public void Configure(EntityTypeBuilder<LearningGroupAttendance> a)
    {
        a.HasIndex(x => new { x.MeetingId, x.EducatorId }).IsUnique();
        a.HasIndex(x => x.EducatorId);
        a.HasOne(x => x.Meeting).WithMany(x => x.Attendance).HasForeignKey(x => x.MeetingId);
        a.HasOne(x => x.Educator).WithMany().HasForeignKey(x => x.EducatorId);
    }

    public void Configure(EntityTypeBuilder<LearningGroup> g)
    {
        g.Property(x => x.Name).HasMaxLength(200);
        g.Property(x => x.Focus).HasMaxLength(2000);
        g.HasIndex(x => new { x.LeagueId, x.Name }).IsUnique();
        g.HasOne(x => x.League).WithMany().HasForeignKey(x => x.LeagueId);
    }

    public void Configure(EntityTypeBuilder<LearningGroupMember> m)
    {
        m.HasIndex(x => new { x.GroupId, x.EducatorId });
        m.HasIndex(x => x.EducatorId);
        m.HasOne(x => x.Group).WithMany(x => x.Members).HasForeignKey(x => x.GroupId);
        m.HasOne(x => x.Educator).WithMany().HasForeignKey(x => x.EducatorId);
    }

    public void Configure(EntityTypeBuilder<LearningGroupMeeting> m)
    {
        m.Property(x => x.Topic).HasMaxLength(200);
        m.Property(x => x.Notes).HasMaxLength(4000);
        m.HasIndex(x => new { x.GroupId, x.MetOn }).IsUnique();
        m.HasOne(x => x.Group).WithMany(x => x.Meetings).HasForeignKey(x => x.GroupId);
    }
}
