using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using Microsoft.EntityFrameworkCore;
using Sdk = ConsortiumGraph.Plugins;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// Core data as plugins see it: read-only SDK views, never EF Core entities (a plugin holding EF
/// types could not be unloaded). Each method reads a whole batch in one statement.
/// </summary>
public static class PluginViews
{
    /// <summary>Core enum to the SDK's enum of the same member names (a test keeps the names in step).</summary>
    public static TSdk Map<TSdk>(Enum core) where TSdk : struct, Enum => Enum.Parse<TSdk>(core.ToString());

    public static async Task<Dictionary<int, Sdk.DistrictView>> DistrictsAsync(ConsortiumDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.Districts.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct)).ToDictionary(d => d.Id, District);

    public static Sdk.DistrictView District(Districts.District d) => new()
    {
        Id = GlobalId.Encode("District", d.Id), Code = d.Code, Name = d.Name, State = d.State, Locale = Map<Sdk.Locale>(d.Locale),
        Enrollment = d.Enrollment, StaffCapacityFte = d.StaffCapacityFte, DataSystem = d.DataSystem, Latitude = d.Latitude, Longitude = d.Longitude,
    };

    public static async Task<Dictionary<int, Sdk.SchoolView>> SchoolsAsync(ConsortiumDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.Schools.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.Name, DistrictCode = s.District.Code, s.Enrollment, s.LeagueMember }).ToListAsync(ct))
        .ToDictionary(s => s.Id, s => new Sdk.SchoolView
        {
            Id = GlobalId.Encode("School", s.Id), Code = s.Code, Name = s.Name, DistrictCode = s.DistrictCode, Enrollment = s.Enrollment, LeagueMember = s.LeagueMember,
        });

    public static async Task<Dictionary<int, Sdk.PartnershipView>> PartnershipsAsync(ConsortiumDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Name, p.Kind, p.Status, p.StartsOn, p.EndsOn,
                Members = p.Members.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id).Select(m => new { m.District.Code, m.IsLead, m.IsFiscalAgent, m.JoinedOn, m.LeftOn }).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct))
        .ToDictionary(p => p.Id, p => new Sdk.PartnershipView
        {
            Id = GlobalId.Encode("Partnership", p.Id), Name = p.Name, Kind = Map<Sdk.PartnershipKind>(p.Kind), Status = Map<Sdk.PartnershipStatus>(p.Status),
            StartsOn = p.StartsOn, EndsOn = p.EndsOn,
            Members = p.Members.Select(m => Member(m.Code, new Partnerships.PartnershipMember { IsLead = m.IsLead, IsFiscalAgent = m.IsFiscalAgent, JoinedOn = m.JoinedOn, LeftOn = m.LeftOn })).ToList(),
        });

    private static Sdk.MemberView Member(string districtCode, Partnerships.PartnershipMember member) => new()
    {
        DistrictCode = districtCode, Role = Map<Sdk.MemberRole>(member.PrincipalRole), Roles = member.Roles.Select(r => Map<Sdk.MemberRole>(r)).ToList(),
        JoinedOn = member.JoinedOn, LeftOn = member.LeftOn,
    };

    public static async Task<Dictionary<int, Sdk.CommitmentView>> CommitmentsAsync(ConsortiumDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.Commitments.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.Title, c.PartnershipId, DistrictCode = c.District.Code, SchoolCode = c.School == null ? null : c.School.Code,
                c.DueOn, c.Status, c.Dollars, c.StaffFte, c.StudentSeats,
            }).ToListAsync(ct))
        .ToDictionary(c => c.Id, c => new Sdk.CommitmentView
        {
            Id = GlobalId.Encode("Commitment", c.Id), Title = c.Title, PartnershipId = GlobalId.Encode("Partnership", c.PartnershipId),
            DistrictCode = c.DistrictCode, SchoolCode = c.SchoolCode, DueOn = c.DueOn, Status = Map<Sdk.CommitmentStatus>(c.Status),
            Dollars = c.Dollars, StaffFte = c.StaffFte, StudentSeats = c.StudentSeats,
        });

    public static async Task<Dictionary<int, Sdk.LeagueMembershipView>> LeagueMembershipsAsync(ConsortiumDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.LeagueMemberships.AsNoTracking().Where(m => ids.Contains(m.Id)).Include(m => m.League).Include(m => m.School).ThenInclude(s => s.District).ToListAsync(ct))
        .ToDictionary(m => m.Id, LeagueMembership);

    /// <summary>A membership as plugins see it; its League and its school's district loaded.</summary>
    public static Sdk.LeagueMembershipView LeagueMembership(Leagues.LeagueMembership m) => new()
    {
        Id = GlobalId.Encode("LeagueMembership", m.Id), LeagueId = GlobalId.Encode("League", m.LeagueId), LeagueName = m.League.Name,
        SchoolCode = m.School.Code, SchoolName = m.School.Name, DistrictCode = m.School.District.Code, RequestedOn = m.RequestedOn, JoinedOn = m.JoinedOn, LeftOn = m.LeftOn,
    };

    public static async Task<Dictionary<int, Sdk.ConveningRegistrationView>> ConveningRegistrationsAsync(ConsortiumDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.ConveningRegistrations.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.ConveningId, r.Convening.Title, r.Convening.HeldOn, SchoolCode = r.Membership.School.Code, DistrictCode = r.Membership.District.Code, r.TeamSize, r.Attended })
            .ToListAsync(ct))
        .ToDictionary(r => r.Id, r => new Sdk.ConveningRegistrationView
        {
            Id = GlobalId.Encode("ConveningRegistration", r.Id), ConveningId = GlobalId.Encode("Convening", r.ConveningId), ConveningTitle = r.Title, HeldOn = r.HeldOn,
            SchoolCode = r.SchoolCode, DistrictCode = r.DistrictCode, TeamSize = r.TeamSize, Attended = r.Attended,
        });

    public static Sdk.DecisionView Decision(Decisions.Decision d) => new()
    {
        Id = GlobalId.Encode("Decision", d.Id), Area = d.Area, Title = d.Title, ScheduledOn = d.ScheduledOn, Deadline = d.Deadline,
    };

    /// <summary>The views of one core type, by entity key.</summary>
    public static Task<IReadOnlyDictionary<int, object>> OfTypeAsync(string entityType, ConsortiumDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (ExtensibleEntity.Find(entityType) ?? throw new ArgumentOutOfRangeException(nameof(entityType), entityType, $"Local fields exist on {ExtensibleEntity.Names("and")} only."))
            .ViewsAsync(db, ids, ct);

    /// <summary>Codes of the districts an entity belongs to, which decide whether a plugin applies to it.</summary>
    public static IEnumerable<string> DistrictCodesOf(object view) => view switch
    {
        Sdk.DistrictView d => [d.Code],
        Sdk.SchoolView s => [s.DistrictCode],
        Sdk.PartnershipView p => p.Members.Select(m => m.DistrictCode),
        Sdk.CommitmentView c => [c.DistrictCode],
        Sdk.LeagueMembershipView m => [m.DistrictCode],
        Sdk.ConveningRegistrationView r => [r.DistrictCode],
        _ => [],
    };

}
