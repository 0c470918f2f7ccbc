using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// The League's convenings: its admins plan them and record attendance; those who act for a member school register
/// its team. Registering and recording attendance revise the convening, so teams taking its last places at once
/// serialize: one gets the place, the others FULL.
/// </summary>
public static class ConveningMutations
{
    public const int MaxTeamSize = 20, MaxCapacity = 5000;

    public static void AddConveningMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<PlanConveningInput, ConveningType, Convening>("planConvening",
            "Plans a state or regional convening of the League: its day, place or online, topic, dimensions and capacity. The League's consortium's admins.", PlanAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<RegisterForConveningInput, ConveningType, Convening>("registerForConvening",
            "Registers a member school's team for a convening, until its day and within its capacity. Its leaders, its district's staff, or the League's consortium's admins.", RegisterAsync)
            .AuthorizeWithRoles(Readers.League);
        mutation.Mutation<RecordConveningAttendanceInput, ConveningType, Convening>("recordConveningAttendance",
            "Records how many of each registered team attended, once the convening's day has come. The League's consortium's admins.", AttendanceAsync)
            .AuthorizeWithRoles(Readers.Admins);
    }

    private static async Task<Convening?> PlanAsync(MutationContext<PlanConveningInput> m)
    {
        var input = m.Input;
        var league = await m.Find<League>(input.LeagueId, "League", "leagueId");
        var title = m.Text(input.Title, "title", 200);
        var place = m.Text(input.Place, "place", 200, required: false);
        var state = input.State is null ? null : m.State(input.State, "state");
        if (input.Scope == ConveningScope.State && input.State is null)
            m.Invalid("REQUIRED", "A STATE convening names its state in `state`, as two letters (NH).", "state");
        if (input.Scope == ConveningScope.Regional && input.State is not null)
            m.Invalid("OUT_OF_RANGE", "A REGIONAL convening is for the whole League: leave `state` out.", "state");
        if (place is null && !input.Online) m.Invalid("REQUIRED", "Give the convening a `place`, or make it `online`.", "place");
        if (input.HeldOn < m.Today) m.Invalid("IN_THE_PAST", $"`heldOn` is before today ({m.Today:yyyy-MM-dd}).", "heldOn");
        if (input.Capacity is < 1 or > MaxCapacity) m.Invalid("OUT_OF_RANGE", $"`capacity` is 1 to {MaxCapacity} educators.", "capacity");
        if (league is null || title is null || m.Failed) return null;
        var dimensions = new List<string>();
        if (input.Dimensions is { Count: > 0 })
        {
            if (await DimensionKeys.CheckAsync(m, league, input.Dimensions, "the convening is about", "leagueId") is not { } found) return null;
            dimensions = found;
        }
        if (m.Failed) return null;
        var convening = new Convening
        {
            LeagueId = league.Id, Title = title, Scope = input.Scope, State = input.Scope == ConveningScope.State ? state : null, HeldOn = input.HeldOn,
            Place = place, Online = input.Online, Dimensions = dimensions, Capacity = input.Capacity, PlannedAt = m.Now,
        };
        m.Db.Convenings.Add(convening);
        return convening;
    }

    private static async Task<Convening?> RegisterAsync(MutationContext<RegisterForConveningInput> m)
    {
        var input = m.Input;
        var ct = m.Field.CancellationToken;
        var convening = await m.Find<Convening>(input.ConveningId, "Convening", "conveningId");
        var membership = await LeagueMutations.MembershipAsync(m, input.MembershipId);
        if (input.TeamSize is < 1 or > MaxTeamSize) m.Invalid("OUT_OF_RANGE", $"`teamSize` is 1 to {MaxTeamSize} educators.", "teamSize");
        if (convening is null || membership is null || m.Failed) return null;
        if (membership.LeagueId != convening.LeagueId)
            m.Violates("NOT_IN_LEAGUE", $"{membership.School.Name}'s membership is of another League than the convening's.", "membershipId");
        else if (membership.Status != LeagueMembershipStatus.Active)
            m.Violates("NOT_ACTIVE", $"{membership.School.Name} is not an active member of {membership.League.Name}: members register teams.", "membershipId");
        else if (convening.Scope == ConveningScope.State && membership.School.District.State != convening.State)
            m.Violates("OTHER_STATE", $"{convening.Title} is {convening.State}'s convening; {membership.School.Name} is in {membership.School.District.State}.", "membershipId");
        if (convening.HeldOn < m.Today)
            m.Violates("REGISTRATION_CLOSED", $"{convening.Title} was on {convening.HeldOn:yyyy-MM-dd}: teams register until its day.", "conveningId");
        var registered = await m.Db.ConveningRegistrations.Where(r => r.ConveningId == convening.Id).Select(r => new { r.MembershipId, r.TeamSize }).ToListAsync(ct);
        if (registered.Any(r => r.MembershipId == membership.Id))
            m.Violates("ALREADY_REGISTERED", $"{membership.School.Name}'s team is registered already.", "membershipId");
        else if (convening.Capacity is { } capacity && registered.Sum(r => r.TeamSize) + input.TeamSize > capacity)
            m.Violates("FULL", $"{convening.Title} has room for {capacity - registered.Sum(r => r.TeamSize)} more educators, not {input.TeamSize}.", "teamSize");
        if (m.Failed) return null;
        m.Db.ConveningRegistrations.Add(new ConveningRegistration { ConveningId = convening.Id, MembershipId = membership.Id, TeamSize = input.TeamSize, RegisteredAt = m.Now });
        // The capacity check holds only if no other registration lands between the read and the save.
        m.Revise(convening, null);
        return convening;
    }

    private static async Task<Convening?> AttendanceAsync(MutationContext<RecordConveningAttendanceInput> m)
    {
        var input = m.Input;
        var convening = await m.Find<Convening>(input.ConveningId, "Convening", "conveningId", q => q.Include(c => c.Registrations));
        if (input.Teams.Count == 0) m.Invalid("REQUIRED", "Report at least one team.", "teams");
        var ids = input.Teams.Select((t, i) => m.Id(t.MembershipId, "LeagueMembership", $"teams.{i}.membershipId")).ToList();
        if (convening is null || m.Failed) return null;
        if (convening.HeldOn > m.Today)
            m.Violates("NOT_YET", $"{convening.Title} is on {convening.HeldOn:yyyy-MM-dd}: attendance is recorded once its day has come.", "conveningId");
        var seen = new HashSet<int>();
        foreach (var (team, i) in input.Teams.Select((t, i) => (t, i)))
        {
            if (ids[i] is not { } id) continue;
            var registration = convening.Registrations.FirstOrDefault(r => r.MembershipId == id);
            if (registration is null) m.Invalid("NOT_REGISTERED", $"The school of `teams.{i}.membershipId` has no team registered.", $"teams.{i}.membershipId");
            else if (!seen.Add(id)) m.Invalid("DUPLICATE_TEAM", "One team reported twice.", $"teams.{i}.membershipId");
            else if (team.Attended < 0 || team.Attended > registration.TeamSize)
                m.Invalid("OUT_OF_RANGE", $"`attended` is 0 to the team's size ({registration.TeamSize}).", $"teams.{i}.attended");
            else registration.Attended = team.Attended;
        }
        if (m.Failed) return null;
        m.Revise(convening, input.ExpectedRevision);
        return convening;
    }
}
