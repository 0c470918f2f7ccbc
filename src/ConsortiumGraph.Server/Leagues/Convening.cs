using System.ComponentModel;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// A League event (a state or regional convening) on a day, in a place or online, on a topic and dimensions of the
/// framework. School teams register; attendance is recorded after the day. Registering revises the convening, so
/// teams registering at once for its last places serialize and it never holds more than its capacity.
/// </summary>
public sealed class Convening : RevisedEntity
{
    public int LeagueId { get; set; }
    public League League { get; set; } = null!;
    public required string Title { get; set; }
    public ConveningScope Scope { get; set; }
    /// <summary>The state a STATE convening is for.</summary>
    public string? State { get; set; }
    public DateOnly HeldOn { get; set; }
    /// <summary>Where, or null when it is online only.</summary>
    public string? Place { get; set; }
    public bool Online { get; set; }
    public List<string> Dimensions { get; set; } = [];
    /// <summary>Educators it has room for, over every team; null for no limit.</summary>
    public int? Capacity { get; set; }
    public DateTime PlannedAt { get; set; }
    public List<ConveningRegistration> Registrations { get; set; } = [];
}

[Description("Who a convening is for.")]
public enum ConveningScope
{
    [Description("The League's schools of one state.")] State,
    [Description("The whole League, across its states.")] Regional,
}

/// <summary>A school team's registration for a convening, and once held, how many of the team attended.</summary>
public sealed class ConveningRegistration : Entity
{
    public int ConveningId { get; set; }
    public Convening Convening { get; set; } = null!;
    public int MembershipId { get; set; }
    public LeagueMembership Membership { get; set; } = null!;
    public int TeamSize { get; set; }
    public DateTime RegisteredAt { get; set; }
    public int? Attended { get; set; }
}

internal sealed class ConveningConfiguration : IEntityTypeConfiguration<Convening>, IEntityTypeConfiguration<ConveningRegistration>
{
    public void Configure(EntityTypeBuilder<Convening> c)
    {
        c.Property(x => x.Title).HasMaxLength(200);
        c.Property(x => x.Place).HasMaxLength(200);
        c.Property(x => x.State).HasMaxLength(2);
        c.HasIndex(x => new { x.LeagueId, x.HeldOn });
        c.HasOne(x => x.League).WithMany().HasForeignKey(x => x.LeagueId);
    }

    public void Configure(EntityTypeBuilder<ConveningRegistration> r)
    {
        r.HasIndex(x => new { x.ConveningId, x.MembershipId }).IsUnique();
        r.HasIndex(x => x.MembershipId);
        r.HasOne(x => x.Convening).WithMany(x => x.Registrations).HasForeignKey(x => x.ConveningId);
        r.HasOne(x => x.Membership).WithMany().HasForeignKey(x => x.MembershipId);
    }
}
