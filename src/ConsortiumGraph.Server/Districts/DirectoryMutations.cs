using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Schools;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Districts;

/// <summary>
/// The installation's directory of districts and schools, kept by platform admins. Codes are unique and
/// never change once used; the rest is editable, each change checked against the entry's revision.
/// </summary>
public static class DirectoryMutations
{
    public static void AddDirectoryMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateDistrictInput, DistrictType, District>("createDistrict",
            "Adds a district to the installation's directory; add it to consortia with addConsortiumMember. Platform admins only.", CreateDistrictAsync)
            .AuthorizeWithRoles(Readers.Platform);
        mutation.Mutation<UpdateDistrictInput, DistrictType, District>("updateDistrict",
            "Changes a district's name, locale, enrollment, staff capacity, data system or location. Platform admins only.", UpdateDistrictAsync)
            .AuthorizeWithRoles(Readers.Platform);
        mutation.Mutation<CreateSchoolInput, SchoolType, School>("createSchool",
            "Adds a school of a district to the directory. Platform admins only.", CreateSchoolAsync)
            .AuthorizeWithRoles(Readers.Platform);
        mutation.Mutation<UpdateSchoolInput, SchoolType, School>("updateSchool",
            "Changes a school's name or enrollment. Platform admins only.", UpdateSchoolAsync)
            .AuthorizeWithRoles(Readers.Platform);
        mutation.Mutation<CloseDirectoryEntryInput, DistrictType, District>("closeDistrict",
            "Closes a district that is no longer a member of any consortium: it stays in the directory with its history, and joins nothing again. Platform admins only.", CloseDistrictAsync)
            .AuthorizeWithRoles(Readers.Platform);
        mutation.Mutation<CloseDirectoryEntryInput, SchoolType, School>("closeSchool",
            "Closes a school without open commitments: it stays in the directory with its history, and takes no new commitments. Platform admins only.", CloseSchoolAsync)
            .AuthorizeWithRoles(Readers.Platform);
    }

    private static async Task<District?> CreateDistrictAsync(MutationContext<CreateDistrictInput> m)
    {
        var input = m.Input;
        var code = m.Code(input.Code, "code");
        var name = m.Text(input.Name, "name", 200);
        var state = m.State(input.State, "state");
        var dataSystem = m.Text(input.DataSystem, "dataSystem", 100, required: false);
        CheckFigures(m, input.Enrollment, input.StaffCapacityFte, input.Latitude, input.Longitude);
        if (code is not null && await m.Db.Districts.IgnoreQueryFilters().AnyAsync(d => d.Code == code, m.Field.CancellationToken))
            m.Invalid("DUPLICATE_CODE", $"A district already has the code {code}; codes are unique and never reused.", "code");
        if (m.Failed || code is null || name is null || state is null) return null;
        var district = new District
        {
            Code = code, Name = name, State = state, Locale = input.Locale, Enrollment = input.Enrollment, StaffCapacityFte = input.StaffCapacityFte,
            DataSystem = dataSystem, Latitude = input.Latitude, Longitude = input.Longitude,
        };
        m.Db.Districts.Add(district);
        return district;
    }

    private static async Task<District?> UpdateDistrictAsync(MutationContext<UpdateDistrictInput> m)
    {
        var input = m.Input;
        var district = await m.Find<District>(input.Id, "District", "id");
        var name = input.Name is null ? null : m.Text(input.Name, "name", 200);
        var dataSystem = input.DataSystem is null ? null : m.Text(input.DataSystem, "dataSystem", 100);
        CheckFigures(m, input.Enrollment, input.StaffCapacityFte, input.Latitude, input.Longitude);
        if (district is null || m.Failed) return null;
        district.Name = name ?? district.Name;
        district.Locale = input.Locale ?? district.Locale;
        district.Enrollment = input.Enrollment ?? district.Enrollment;
        district.StaffCapacityFte = input.StaffCapacityFte ?? district.StaffCapacityFte;
        district.DataSystem = dataSystem ?? district.DataSystem;
        district.Latitude = input.Latitude ?? district.Latitude;
        district.Longitude = input.Longitude ?? district.Longitude;
        m.Revise(district, input.ExpectedRevision);
        return district;
    }

    private static async Task<School?> CreateSchoolAsync(MutationContext<CreateSchoolInput> m)
    {
        var input = m.Input;
        var code = m.Code(input.Code, "code");
        var name = m.Text(input.Name, "name", 200);
        var district = await m.Find<District>(input.DistrictId, "District", "districtId");
        m.Range(input.Enrollment, 0, 100_000, "enrollment");
        if (code is not null && await m.Db.Schools.IgnoreQueryFilters().AnyAsync(s => s.Code == code, m.Field.CancellationToken))
            m.Invalid("DUPLICATE_CODE", $"A school already has the code {code}; codes are unique and never reused.", "code");
        if (m.Failed || code is null || name is null || district is null) return null;
        var school = new School { Code = code, Name = name, DistrictId = district.Id, Enrollment = input.Enrollment };
        m.Db.Schools.Add(school);
        return school;
    }

    private static async Task<School?> UpdateSchoolAsync(MutationContext<UpdateSchoolInput> m)
    {
        var input = m.Input;
        var school = await m.Find<School>(input.Id, "School", "id");
        var name = input.Name is null ? null : m.Text(input.Name, "name", 200);
        m.Range(input.Enrollment, 0, 100_000, "enrollment");
        if (school is null || m.Failed) return null;
        school.Name = name ?? school.Name;
        school.Enrollment = input.Enrollment ?? school.Enrollment;
        m.Revise(school, input.ExpectedRevision);
        return school;
    }

    private static DateOnly? ClosingDay(MutationContext<CloseDirectoryEntryInput> m, DateOnly? closedOn)
    {
        if (closedOn is { } already)
        {
            m.Violates("ALREADY_CLOSED", $"It closed on {already:yyyy-MM-dd}.", "id");
            return null;
        }
        var day = m.Input.ClosedOn ?? m.Today;
        if (day > m.Today) m.Invalid("EFFECTIVE_IN_FUTURE", "`closedOn` is in the future; record the closure on the day it takes effect.", "closedOn");
        return day;
    }

    private static async Task<District?> CloseDistrictAsync(MutationContext<CloseDirectoryEntryInput> m)
    {
        var district = await m.Find<District>(m.Input.Id, "District", "id");
        if (district is null) return null;
        var day = ClosingDay(m, district.ClosedOn);
        var consortia = await m.Db.ConsortiumMemberships.Where(c => c.DistrictId == district.Id && c.LeftOn == null).Select(c => c.Consortium.Name).ToListAsync(m.Field.CancellationToken);
        if (consortia.Count > 0)
            m.Violates("STILL_A_MEMBER", $"{district.Name} is still a member of {string.Join(", ", consortia)}; remove it (removeConsortiumMember) first.", "id");
        if (m.Failed) return null;
        district.ClosedOn = day;
        m.Revise(district, m.Input.ExpectedRevision);
        return district;
    }

    private static async Task<School?> CloseSchoolAsync(MutationContext<CloseDirectoryEntryInput> m)
    {
        var school = await m.Find<School>(m.Input.Id, "School", "id");
        if (school is null) return null;
        var day = ClosingDay(m, school.ClosedOn);
        var open = await m.Db.Commitments.CountAsync(c => c.SchoolId == school.Id && Commitments.Commitment.OpenStatuses.Contains(c.Status), m.Field.CancellationToken);
        if (open > 0)
            m.Violates("OPEN_COMMITMENTS", $"{school.Name} has {open} open commitment{(open == 1 ? "" : "s")}; report each DONE or DROPPED first.", "id");
        if (m.Failed) return null;
        school.ClosedOn = day;
        m.Revise(school, m.Input.ExpectedRevision);
        return school;
    }

    private static void CheckFigures<TInput>(MutationContext<TInput> m, int? enrollment, double? fte, double? latitude, double? longitude)
    {
        m.Range(enrollment, 0, 2_000_000, "enrollment");
        m.Range(fte, 0, 10_000, "staffCapacityFte");
        m.Range(latitude, -90, 90, "latitude");
        m.Range(longitude, -180, 180, "longitude");
    }
}
