using System.Text.Json;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Indicators;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// School indicators, on SQLite and PostgreSQL: the League's common metrics school by school, rolled up by school, League,
/// state and dimension with small schools suppressed, for the consortium's staff and admins only; reported by a school's
/// district (a League school outside the member districts by the consortium's admins), never mixed with district values.
/// </summary>
public abstract class SchoolIndicatorTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private static readonly string Northern = GlobalId.Encode("Consortium", 1), UpperValley = GlobalId.Encode("Consortium", 2);
    private const string Riverside = "5000310", Charter = "509990100001";
    private const string Rows = "group period value districts schools students suppressed suppressedBecause";

    private string Admin => server.TokenFor("consortium-admin", consortia: [Northern]);
    private string Staff(string district, params string[] consortia) => server.TokenFor("district-staff", districts: [district], consortia: consortia.Length == 0 ? null : consortia);

    private async Task<string> LeagueId() =>
        (await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on Consortium { leagues { id } } } }", new { id = Northern }, Admin))
        .GetProperty("node").GetProperty("leagues")[0].GetProperty("id").GetString()!;

    private async Task<JsonElement[]> LeagueRollup(string indicator, string groupBy, string period, string token) =>
        [.. (await server.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ ... on League {{ rollup(indicator: \"{indicator}\", groupBy: {groupBy}, periods: [\"{period}\"]) {{ {Rows} }} }} }} }}",
            new { id = await LeagueId() }, token)).GetProperty("node").GetProperty("rollup").EnumerateArray()];

    private async Task<JsonElement[]> ConsortiumRollup(string indicator, string groupBy, string period, string token) =>
        [.. (await server.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ ... on Consortium {{ rollup(indicator: \"{indicator}\", groupBy: {groupBy}, periods: [\"{period}\"]) {{ {Rows} }} }} }} }}",
            new { id = Northern }, token)).GetProperty("node").GetProperty("rollup").EnumerateArray()];

    private async Task<(string DistrictId, Dictionary<string, string> Schools)> District(string code)
    {
        var district = (await server.QueryAsync("query($code: String!) { district(code: $code) { id schools(first: 50) { nodes { id code } } } }", new { code }, Admin)).GetProperty("district");
        return (district.GetProperty("id").GetString()!,
            district.GetProperty("schools").GetProperty("nodes").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!, s => s.GetProperty("id").GetString()!));
    }

    private async Task<JsonElement> Report(object input, string token) =>
        (await server.QueryAsync($"mutation($input: ReportIndicatorValuesInput!) {{ reportIndicatorValues(input: $input) {{ values {{ indicator value period school {{ code }} revisions }} {Errors} }} }}",
            new { input }, token)).GetProperty("reportIndicatorValues");

    /// <summary>The demo League's active members' values of one school indicator in one period, read straight from the database.</summary>
    private async Task<List<(int SchoolId, int MembershipId, string School, string State, double Value, int Students)>> Values(string indicator, string period)
    {
        await using var db = server.OpenDatabase();
        return [.. (await (
                from v in db.IndicatorValues
                join m in db.LeagueMemberships on v.SchoolId equals (int?)m.SchoolId
                where v.Indicator.Code == indicator && v.Period == period && m.JoinedOn != null && m.LeftOn == null
                select new { SchoolId = m.SchoolId, MembershipId = m.Id, School = m.School.Name + " (" + m.School.Code + ")", v.District.State, v.Value, v.StudentCount })
            .ToListAsync()).Select(x => (x.SchoolId, x.MembershipId, x.School, x.State, x.Value, x.StudentCount))];
    }

    private static double Weighted(IEnumerable<(int, int, string, string, double Value, int Students)> values) =>
        Math.Round(values.Sum(v => v.Value * v.Students) / values.Sum(v => v.Students), 2);

    [DatabaseFact]
    public async Task A_coordinator_reads_the_common_metrics_by_school_league_state_and_dimension_with_small_schools_suppressed()
    {
        var values = await Values("GRADUATION_RATE_5YR", "2024-25");
        Assert.True(values.Count >= 10, $"the demo has the common metrics of the League's high schools ({values.Count})");

        // School by school: each as reported, the nine-student charter withheld.
        var schools = await LeagueRollup("GRADUATION_RATE_5YR", "SCHOOL", "2024-25", Admin);
        Assert.Equal(values.Select(v => v.School).Order(StringComparer.Ordinal), schools.Select(r => r.GetProperty("group").GetString()!));
        foreach (var row in schools)
        {
            var value = values.Single(v => v.School == row.GetProperty("group").GetString());
            Assert.Equal((1, 1, value.Students), (row.GetProperty("schools").GetInt32(), row.GetProperty("districts").GetInt32(), row.GetProperty("students").GetInt32()));
            if (value.Students < 10)
            {
                Assert.True(row.GetProperty("suppressed").GetBoolean());
                Assert.Equal(JsonValueKind.Null, row.GetProperty("value").ValueKind);
                Assert.Contains("fewer than 10 students", row.GetProperty("suppressedBecause").GetString());
            }
            else Assert.Equal(Math.Round(value.Value, 2), row.GetProperty("value").GetDouble());
        }
        var charter = Assert.Single(schools, r => r.GetProperty("group").GetString()!.EndsWith($"({Charter})"));
        Assert.Equal((true, 9), (charter.GetProperty("suppressed").GetBoolean(), charter.GetProperty("students").GetInt32()));

        // The League together, and by state: weighted by cohort, as the indicator says.
        var league = Assert.Single(await LeagueRollup("GRADUATION_RATE_5YR", "LEAGUE", "2024-25", Admin));
        Assert.Equal(("League of Innovative Schools", Weighted(values), values.Count), (league.GetProperty("group").GetString(), league.GetProperty("value").GetDouble(), league.GetProperty("schools").GetInt32()));
        var states = await LeagueRollup("GRADUATION_RATE_5YR", "STATE", "2024-25", Admin);
        Assert.Equal(["ME", "NH", "VT"], states.Select(r => r.GetProperty("group").GetString()));
        foreach (var state in states)
        {
            var own = values.Where(v => v.State == state.GetProperty("group").GetString()).ToList();
            Assert.Equal((own.Count, Weighted(own)), (state.GetProperty("schools").GetInt32(), state.GetProperty("value").GetDouble()));
        }

        // By dimension: the schools with open improvement commitments on it (a school on two counts in both).
        await using var db = server.OpenDatabase();
        var open = Commitment.OpenStatuses;
        var commitments = await db.ImprovementCommitments.Where(c => open.Contains(c.Status)).Select(c => new { c.MembershipId, c.Dimensions }).ToListAsync();
        var dimensions = await db.FrameworkDimensions.Where(d => d.Framework.League.Name == "League of Innovative Schools").ToDictionaryAsync(d => d.Name, d => d.Key);
        var byDimension = await LeagueRollup("GRADUATION_RATE_5YR", "DIMENSION", "2024-25", Admin);
        Assert.NotEmpty(byDimension);
        foreach (var row in byDimension)
        {
            var key = dimensions[row.GetProperty("group").GetString()!];
            var working = values.Where(v => commitments.Any(c => c.MembershipId == v.MembershipId && c.Dimensions.Contains(key))).ToList();
            Assert.Equal((working.Count, working.Sum(v => v.Students)), (row.GetProperty("schools").GetInt32(), row.GetProperty("students").GetInt32()));
        }

        // The consortium's roll-up groups the same school values, by League or by school.
        Assert.Equal(league.GetRawText(), Assert.Single(await ConsortiumRollup("GRADUATION_RATE_5YR", "LEAGUE", "2024-25", Admin)).GetRawText());
        Assert.Equal(schools.Length, (await ConsortiumRollup("GRADUATION_RATE_5YR", "SCHOOL", "2024-25", Admin)).Length);
    }

    [DatabaseFact]
    public async Task District_and_school_indicators_never_mix_in_a_rollup()
    {
        // A district indicator has no school groups, and a League rolls up school indicators only.
        foreach (var query in new[]
        {
            "query($id: ID!) { node(id: $id) { ... on Consortium { rollup(indicator: \"ATTENDANCE_RATE\", groupBy: SCHOOL) { value } } } }",
            "query($id: ID!) { node(id: $id) { ... on Consortium { rollup(indicator: \"ATTENDANCE_RATE\", groupBy: DIMENSION) { value } } } }",
        })
            AssertFieldError(await server.PostAsync(query, new { id = Northern }, Admin), "WRONG_LEVEL");
        AssertFieldError(await server.PostAsync("query($id: ID!) { node(id: $id) { ... on League { rollup(indicator: \"ATTENDANCE_RATE\", groupBy: STATE) { value } } } }",
            new { id = await LeagueId() }, Admin), "WRONG_LEVEL");

        // A school indicator by state is schools' values only; a district indicator by state districts' own.
        var states = await ConsortiumRollup("DROPOUT_RATE", "STATE", "2024-25", Admin);
        Assert.All(states, r => Assert.True(r.GetProperty("schools").GetInt32() > 0));
        var attendance = await ConsortiumRollup("ATTENDANCE_RATE", "STATE", "2024-25", Admin);
        Assert.All(attendance, r => Assert.Equal(0, r.GetProperty("schools").GetInt32()));

        // An indicator with values keeps its level; one without takes a new one.
        const string define = $"mutation($input: DefineIndicatorInput!) {{ defineIndicator(input: $input) {{ indicator {{ code level }} {Errors} }} }}";
        AssertError((await server.QueryAsync(define, new { input = new { consortiumId = Northern, code = "GRADUATION_RATE_5YR", name = "Five-year graduation rate", unit = "percent", aggregation = "ENROLLMENT_WEIGHTED_MEAN", level = "DISTRICT" } }, Admin))
            .GetProperty("defineIndicator"), "RuleViolation", "LEVEL_FIXED", "input", "level");
        foreach (var level in new[] { "SCHOOL", "DISTRICT" })
            Assert.Equal(level, (await server.QueryAsync(define, new { input = new { consortiumId = Northern, code = "SCHOOL_CLIMATE", name = "School climate", unit = "percent", aggregation = "MEAN", level } }, Admin))
                .GetProperty("defineIndicator").GetProperty("indicator").GetProperty("level").GetString());

        // Funders see district indicators only: the League's metrics are not in their report.
        var report = await server.QueryAsync("{ fundingReport { grants { indicators { code } withheld { indicator } } } }", token: await server.TokenAsync("funder-1"));
        var codes = report.GetProperty("fundingReport").GetProperty("grants").EnumerateArray()
            .SelectMany(g => g.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString())
                .Concat(g.GetProperty("withheld").EnumerateArray().Select(w => w.GetProperty("indicator").GetString()))).ToHashSet();
        Assert.Contains("ATTENDANCE_RATE", codes);
        Assert.DoesNotContain("GRADUATION_RATE_5YR", codes);
    }

    private static void AssertFieldError(JsonElement response, string code)
    {
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", error.GetProperty("message").GetString());
    }

    [DatabaseFact]
    public async Task Only_the_consortiums_staff_and_admins_read_school_rollups()
    {
        var league = await LeagueId();
        var expected = (await LeagueRollup("POSTSECONDARY_PERSISTENCE", "SCHOOL", "2024-25", Admin)).Select(r => r.GetRawText()).ToList();
        // Staff of a district in both consortia, with a credential for both, and for Northern alone: the same rows.
        Assert.Equal(expected, (await LeagueRollup("POSTSECONDARY_PERSISTENCE", "SCHOOL", "2024-25", Staff(Riverside))).Select(r => r.GetRawText()));
        Assert.Equal(expected, (await LeagueRollup("POSTSECONDARY_PERSISTENCE", "SCHOOL", "2024-25", Staff(Riverside, Northern))).Select(r => r.GetRawText()));

        var query = $"query($id: ID!) {{ node(id: $id) {{ ... on League {{ rollup(indicator: \"POSTSECONDARY_PERSISTENCE\", groupBy: SCHOOL) {{ value }} }} }} }}";
        var consortiumQuery = $"query($id: ID!) {{ node(id: $id) {{ ... on Consortium {{ rollup(indicator: \"POSTSECONDARY_PERSISTENCE\", groupBy: SCHOOL) {{ value }} }} }} }}";
        // The same staff through a credential scoped to the other consortium, an Upper Valley admin, a funder, an anonymous caller: no League at all.
        foreach (var token in new[] { Staff(Riverside, UpperValley), server.TokenFor("consortium-admin", consortia: [UpperValley]), await server.TokenAsync("funder-1"), "" })
        {
            var (_, body) = await server.SendAsync(query, new { id = league }, token: token);
            Assert.DoesNotContain("\"value\"", body);
            var (_, consortium) = await server.SendAsync(consortiumQuery, new { id = Northern }, token: token);
            Assert.DoesNotContain("\"value\"", consortium);
        }
        // A school leader reads the League, not other schools' data.
        var (_, leader) = await server.SendAsync(query, new { id = league }, token: server.TokenForSchoolLeader("500031000003"));
        Assert.Contains("NOT_AUTHORIZED", leader);
        Assert.DoesNotContain("\"value\"", leader);
    }

    [DatabaseFact]
    public async Task A_district_reports_its_schools_values_and_the_consortium_reports_a_charter_outside_its_districts()
    {
        var (riverside, riversideSchools) = await District(Riverside);
        var (charterDistrict, charterSchools) = await District("5099901");
        var (_, mapleSchools) = await District("5000420");
        var high = riversideSchools["500031000003"];
        var staff = Staff(Riverside);

        var stored = await Report(new { districtId = riverside, schoolId = high, period = "2025-26", values = new[] { new { indicator = "GRADUATION_RATE_5YR", value = 91.5, studentCount = 120 } } }, staff);
        AssertOk(stored);
        var value = Assert.Single(stored.GetProperty("values").EnumerateArray());
        Assert.Equal(("500031000003", 91.5, 0), (value.GetProperty("school").GetProperty("code").GetString(), value.GetProperty("value").GetDouble(), value.GetProperty("revisions").GetInt32()));
        var again = await Report(new { districtId = riverside, schoolId = high, period = "2025-26", values = new[] { new { indicator = "GRADUATION_RATE_5YR", value = 92.0, studentCount = 121 } } }, staff);
        Assert.Equal(1, Assert.Single(again.GetProperty("values").EnumerateArray()).GetProperty("revisions").GetInt32());
        // A district value of the same period stays apart: its own row.
        AssertOk(await Report(new { districtId = riverside, period = "2025-26", values = new[] { new { indicator = "ATTENDANCE_RATE", value = 94.0, studentCount = 1400 } } }, staff));

        // Levels, districts and who may report.
        AssertError(await Report(new { districtId = riverside, period = "2025-26", values = new[] { new { indicator = "GRADUATION_RATE_5YR", value = 90.0, studentCount = 100 } } }, staff),
            "ValidationError", "WRONG_LEVEL", "input", "values", "0", "indicator");
        AssertError(await Report(new { districtId = riverside, schoolId = high, period = "2025-26", values = new[] { new { indicator = "ATTENDANCE_RATE", value = 90.0, studentCount = 100 } } }, staff),
            "ValidationError", "WRONG_LEVEL", "input", "values", "0", "indicator");
        AssertError(await Report(new { districtId = riverside, schoolId = high, period = "2025-26", values = new[] { new { indicator = "DROPOUT_RATE", studentCount = 300, fromLocalField = new { plugin = "riverside", field = "nextBoardMeeting" } } } }, staff),
            "ValidationError", "NOT_FOR_SCHOOLS", "input", "values", "0", "fromLocalField");
        AssertError(await Report(new { districtId = riverside, schoolId = mapleSchools.Values.First(), period = "2025-26", values = new[] { new { indicator = "DROPOUT_RATE", value = 2.0, studentCount = 300 } } }, Admin),
            "ValidationError", "NOT_IN_DISTRICT", "input", "schoolId");
        var charter = new { districtId = charterDistrict, schoolId = charterSchools[Charter], period = "2025-26", values = new[] { new { indicator = "DROPOUT_RATE", value = 1.1, studentCount = 180 } } };
        // The League's staff see the charter and may not report for it; to another consortium's admins it is not there.
        AssertError(await Report(charter, staff), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "districtId");
        AssertError(await Report(charter, server.TokenFor("consortium-admin", consortia: [UpperValley])), "ValidationError", "NOT_FOUND", "input", "districtId");
        AssertOk(await Report(charter, Admin));

        // What was stored is what the roll-ups show: the Riverside value in the League's school rows, and a school outside the League only in the consortium's.
        var rows = await LeagueRollup("GRADUATION_RATE_5YR", "SCHOOL", "2025-26", Admin);
        var riversideRow = Assert.Single(rows);
        Assert.Equal((92.0, 121), (riversideRow.GetProperty("value").GetDouble(), riversideRow.GetProperty("students").GetInt32()));
        var notMember = riversideSchools.Keys.Except(await MemberCodes()).First();
        AssertOk(await Report(new { districtId = riverside, schoolId = riversideSchools[notMember], period = "2025-26", values = new[] { new { indicator = "GRADUATION_RATE_5YR", value = 80.0, studentCount = 50 } } }, staff));
        Assert.Single(await LeagueRollup("GRADUATION_RATE_5YR", "SCHOOL", "2025-26", Admin));
        Assert.Equal(2, (await ConsortiumRollup("GRADUATION_RATE_5YR", "SCHOOL", "2025-26", Admin)).Length);
        Assert.Equal(1.1, Assert.Single(await LeagueRollup("DROPOUT_RATE", "SCHOOL", "2025-26", Admin)).GetProperty("value").GetDouble());
    }

    private async Task<HashSet<string>> MemberCodes()
    {
        await using var db = server.OpenDatabase();
        return [.. await db.LeagueMemberships.Select(m => m.School.Code).ToListAsync()];
    }

    [DatabaseFact]
    public async Task Fifty_first_reports_of_one_schools_value_make_one_value_and_keep_every_other_in_its_history()
    {
        var (riverside, schools) = await District(Riverside);
        var school = schools["500031000003"];
        var staff = Staff(Riverside);
        var outcomes = await Race.RunAsync(50, i => Report(new
        {
            districtId = riverside, schoolId = school, period = "2023-24 S1", values = new[] { new { indicator = "POSTSECONDARY_ENROLLMENT", value = 50.0 + i / 10.0, studentCount = 100 + i } },
        }, staff));
        Assert.All(outcomes, o => Assert.Equal("OK", o));
        await using var db = server.OpenDatabase();
        var stored = await db.IndicatorValues.Include(v => v.Revisions).SingleAsync(v => v.Period == "2023-24 S1" && v.School!.Code == "500031000003" && v.Indicator.Code == "POSTSECONDARY_ENROLLMENT");
        Assert.Equal(49, stored.Revisions.Count);
        Assert.Equal(50, stored.Revisions.Select(r => r.StudentCount).Append(stored.StudentCount).Distinct().Count());
        Assert.Equal(IndicatorLevel.School, (await db.Indicators.SingleAsync(i => i.Id == stored.IndicatorId)).Level);
    }
}

public sealed class SqliteSchoolIndicatorTests(SqliteServer server) : SchoolIndicatorTests<SqliteServer>(server);

public sealed class PostgreSqlSchoolIndicatorTests(PostgreSqlServer server) : SchoolIndicatorTests<PostgreSqlServer>(server), IPostgreSqlSuite;
