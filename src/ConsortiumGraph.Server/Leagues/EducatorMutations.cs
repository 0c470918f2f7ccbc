using ConsortiumGraph.Access;
using GraphQL;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Schools;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// The League's directory of people. A school's educators are added by those who act for the school (its leaders, its
/// district's staff); a district's by its staff; the consortium's coordinators and state agency staff by the League's admins.
/// One email once per League (a unique key: two adding the same person at once, one gets CONFLICT).
/// </summary>
public static class EducatorMutations
{
    public static void AddEducatorMutations(this ObjectGraphType mutation) =>
        mutation.Mutation<AddEducatorInput, EducatorType, Educator>("addEducator",
            "Adds a person to a League: a school's teacher or principal (by those who act for the school), a district's superintendent or coordinator (its staff), or a coordinator or state agency staff member of the consortium (its admins).", AddAsync)
            .AuthorizeWithRoles(Readers.League);

    private static async Task<Educator?> AddAsync(MutationContext<AddEducatorInput> m)
    {
        var input = m.Input;
        var ct = m.Field.CancellationToken;
        var league = await m.Find<League>(input.LeagueId, "League", "leagueId");
        var name = m.Text(input.Name, "name", 200);
        var email = m.Email(input.Email, "email")?.ToLowerInvariant(); // one person, however the address is capitalized
        var school = await m.Find<School>(input.SchoolId, "School", "schoolId", q => q.Include(s => s.District));
        var district = await m.Find<District>(input.DistrictId, "District", "districtId");
        var state = input.State is null ? null : m.State(input.State, "state");
        switch (input.Role)
        {
            case EducatorRole.Teacher or EducatorRole.Principal:
                if (input.SchoolId is null) m.Invalid("REQUIRED", $"A {Describe(input.Role)} names a school in `schoolId`.", "schoolId");
                if (input.DistrictId is not null) m.Invalid("OUT_OF_RANGE", "The school names the district: leave `districtId` out.", "districtId");
                break;
            case EducatorRole.Superintendent:
                if (input.DistrictId is null) m.Invalid("REQUIRED", "A superintendent names a district in `districtId`.", "districtId");
                if (input.SchoolId is not null) m.Invalid("OUT_OF_RANGE", "A superintendent serves a district, not one school: leave `schoolId` out.", "schoolId");
                break;
            case EducatorRole.Coordinator:
                if (input.SchoolId is not null) m.Invalid("OUT_OF_RANGE", "A coordinator serves a district or the consortium: leave `schoolId` out.", "schoolId");
                break;
            case EducatorRole.StateAgencyStaff:
                if (input.State is null) m.Invalid("REQUIRED", "State agency staff name the agency's state in `state`, as two letters (VT).", "state");
                if (input.SchoolId is not null || input.DistrictId is not null)
                    m.Invalid("OUT_OF_RANGE", "State agency staff belong to no school or district: leave `schoolId` and `districtId` out.", input.SchoolId is not null ? "schoolId" : "districtId");
                break;
        }
        if (input.Role != EducatorRole.StateAgencyStaff && input.State is not null)
            m.Invalid("OUT_OF_RANGE", "Only state agency staff name a state.", "state");
        if (league is null || name is null || m.Failed) return null;

        if (school is not null)
        {
            if (!LeagueMutations.ActsForSchool(m, school, "schoolId")) return null;
            if (!await m.Db.LeagueMemberships.AnyAsync(x => x.LeagueId == league.Id && x.SchoolId == school.Id && x.LeftOn == null, ct))
                m.Violates("NOT_IN_LEAGUE", $"{school.Name} has not joined or asked to join {league.Name}.", "schoolId");
        }
        else if (district is not null)
        {
            if (!m.Caller.IsAdmin && !m.Caller.ActsFor(district.Id))
            {
                m.Forbidden($"Only {district.Name}'s staff, or the League's admins, add its people.", "districtId");
                return null;
            }
            if (!await m.Db.ConsortiumMemberships.AnyAsync(x => x.ConsortiumId == league.ConsortiumId && x.DistrictId == district.Id && x.LeftOn == null, ct)
                && !await m.Db.LeagueMemberships.AnyAsync(x => x.LeagueId == league.Id && x.DistrictId == district.Id && x.LeftOn == null, ct))
                m.Violates("NOT_IN_LEAGUE", $"{district.Name} is neither a member of the League's consortium nor the district of one of its schools.", "districtId");
        }
        else if (!m.Caller.IsAdmin)
        {
            m.Forbidden("The consortium's own coordinators and state agency staff are added by the League's admins.", "role");
            return null;
        }
        if (email is not null && await m.Db.Educators.AnyAsync(e => e.LeagueId == league.Id && e.Email == email, ct))
            m.Violates("DUPLICATE_EMAIL", $"{league.Name} has an educator with the email {email} already.", "email");
        if (m.Failed) return null;
        var educator = new Educator
        {
            LeagueId = league.Id, Name = name, Role = input.Role, SchoolId = school?.Id, DistrictId = school?.DistrictId ?? district?.Id,
            State = input.Role == EducatorRole.StateAgencyStaff ? state : null, Email = email, AddedAt = m.Now,
        };
        m.Db.Educators.Add(educator);
        return educator;
    }

    /// <summary>
    /// May the caller act for the educator (give feedback as them)? Those who act for the educator's school, or its
    /// district's staff; the League's admins for everyone, the consortium's own people included.
    /// </summary>
    internal static bool ActsForEducator<TInput>(MutationContext<TInput> m, Educator educator, string inputField)
    {
        if (m.Caller.IsAdmin
            || (educator.SchoolId is { } school && m.Caller.ActsForSchool(school, educator.DistrictId ?? 0))
            || (educator.SchoolId is null && educator.DistrictId is { } district && m.Caller.ActsFor(district)))
            return true;
        m.Forbidden($"You do not act for {educator.Name}: their school's leaders, their district's staff or the League's admins do.", inputField);
        return false;
    }

    private static string Describe(EducatorRole role) => role == EducatorRole.Teacher ? "teacher" : "principal";
}
