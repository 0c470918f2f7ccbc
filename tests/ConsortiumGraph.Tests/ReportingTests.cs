using System.Net;
using System.Text.Json;
using ConsortiumGraph.Indicators;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit.Abstractions;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>A server of its own: these tests add indicators, values and districts to the demo data.</summary>
public sealed class ReportingServer : ConsortiumServer;

/// <summary>Roll-ups against hand-computed values, suppression at the threshold, consent, history, funder reports and their CSV.</summary>
public sealed class ReportingTests(ReportingServer server, ITestOutputHelper output) : IClassFixture<ReportingServer>
{
    private const string Northern = "Northern New England Rural Schools Consortium";

    private async Task<string> ConsortiumId() =>
        (await server.QueryAsync("{ consortia { id name } }")).GetProperty("consortia").EnumerateArray().First(c => c.GetProperty("name").GetString() == Northern).GetProperty("id").GetString()!;

    /// <summary>A fresh indicator of the Northern consortium, defined by its admin.</summary>
    private async Task<string> DefineAsync(string code, Aggregation aggregation, int minimumGroupSize, string unit = "percent")
    {
        var aggregationName = string.Concat(aggregation.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
        AssertOk((await server.QueryAsync($"mutation($input: DefineIndicatorInput!) {{ defineIndicator(input: $input) {{ indicator {{ code }} {Errors} }} }}", new
        {
            input = new { consortiumId = await ConsortiumId(), code, name = code, unit, aggregation = aggregationName, minimumGroupSize },
        })).GetProperty("defineIndicator"));
        return code;
    }

    private async Task<JsonElement> Report(string district, string period, object[] values, string? token = null) =>
        (await server.QueryAsync($"mutation($input: ReportIndicatorValuesInput!) {{ reportIndicatorValues(input: $input) {{ values {{ indicator value studentCount revisions }} {Errors} }} }}",
            new { input = new { districtId = await server.DistrictIdAsync(district), period, values } }, token)).GetProperty("reportIndicatorValues");

    private async Task<Dictionary<string, JsonElement>> Rollup(string indicator, string groupBy, string? token = null) =>
        (await server.QueryAsync("query($id: ID!, $i: String!, $g: RollupGroup!) { consortium(id: $id) { rollup(indicator: $i, groupBy: $g) { group period value districts students suppressed suppressedBecause } } }",
            new { id = await ConsortiumId(), i = indicator, g = groupBy }, token))
        .GetProperty("consortium").GetProperty("rollup").EnumerateArray().ToDictionary(r => $"{r.GetProperty("group").GetString()} {r.GetProperty("period").GetString()}");

    [Fact]
    public async Task Weighted_means_sums_minimums_and_suppression_match_hand_computed_values()
    {
        var score = await DefineAsync("TEST_SCORE", Aggregation.EnrollmentWeightedMean, minimumGroupSize: 10);
        var seats = await DefineAsync("TEST_SEATS", Aggregation.Sum, minimumGroupSize: 1, unit: "students");
        var low = await DefineAsync("TEST_LOW", Aggregation.Min, minimumGroupSize: 1);
        AssertOk(await Report("5000310", "2025-26", [new { indicator = score, value = 90.0, studentCount = 100 }, new { indicator = seats, value = 3.0, studentCount = 3 }, new { indicator = low, value = 61.0, studentCount = 50 }]));
        AssertOk(await Report("5000420", "2025-26", [new { indicator = score, value = 80.0, studentCount = 300 }, new { indicator = seats, value = 4.0, studentCount = 4 }, new { indicator = low, value = 58.5, studentCount = 50 }]));
        AssertOk(await Report("3300710", "2025-26", [new { indicator = score, value = 70.0, studentCount = 5 }, new { indicator = seats, value = 5.0, studentCount = 5 }]));
        AssertOk(await Report("3300820", "2025-26", [new { indicator = score, value = 60.0, studentCount = 10 }]));
        AssertOk(await Report("5000310", "2024-25", [new { indicator = score, value = 60.0, studentCount = 100 }]));

        var byState = await Rollup(score, "STATE");
        Assert.Equal(82.5, byState["VT 2025-26"].GetProperty("value").GetDouble()); // (90x100 + 80x300) / 400
        Assert.Equal(400, byState["VT 2025-26"].GetProperty("students").GetInt32());
        Assert.Equal(63.33, byState["NH 2025-26"].GetProperty("value").GetDouble()); // (70x5 + 60x10) / 15 = 950 / 15
        Assert.Equal(60.0, byState["VT 2024-25"].GetProperty("value").GetDouble());

        var byDistrict = await Rollup(score, "DISTRICT");
        var graniteFalls = byDistrict["Granite Falls School District 2025-26"];
        Assert.True(graniteFalls.GetProperty("suppressed").GetBoolean()); // 5 students, below 10
        Assert.Equal(JsonValueKind.Null, graniteFalls.GetProperty("value").ValueKind);
        Assert.Contains("fewer than 10 students (5)", graniteFalls.GetProperty("suppressedBecause").GetString());
        var whiteBirch = byDistrict["White Birch Cooperative School District 2025-26"];
        Assert.False(whiteBirch.GetProperty("suppressed").GetBoolean()); // exactly 10: shown
        Assert.Equal(60.0, whiteBirch.GetProperty("value").GetDouble());

        var all = await Rollup(score, "CONSORTIUM");
        Assert.Equal(81.81, all[$"{Northern} 2025-26"].GetProperty("value").GetDouble()); // (9000 + 24000 + 350 + 600) / 415 = 33950 / 415
        Assert.Equal(12.0, (await Rollup(seats, "CONSORTIUM"))[$"{Northern} 2025-26"].GetProperty("value").GetDouble()); // 3 + 4 + 5
        Assert.Equal(58.5, (await Rollup(low, "CONSORTIUM"))[$"{Northern} 2025-26"].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Funders_see_only_consented_values_of_districts_in_partnerships_they_fund()
    {
        var code = await DefineAsync("TEST_CONSENT", Aggregation.EnrollmentWeightedMean, minimumGroupSize: 1);
        // Maple Ridge and Granite Falls are in the funded Proficiency-Based Learning Grant; Riverside is in no funded partnership.
        AssertOk(await Report("5000420", "2025-26", [new { indicator = code, value = 80.0, studentCount = 300 }]));
        AssertOk(await Report("3300710", "2025-26", [new { indicator = code, value = 70.0, studentCount = 100 }]));
        AssertOk(await Report("5000310", "2025-26", [new { indicator = code, value = 100.0, studentCount = 100 }]));
        async Task Consent(string district, bool shared) => AssertOk((await server.QueryAsync(
            $"mutation($input: SetDataSharingConsentInput!) {{ setDataSharingConsent(input: $input) {{ consent {{ sharedWithFunders }} {Errors} }} }}",
            new { input = new { districtId = await server.DistrictIdAsync(district), indicator = code, sharedWithFunders = shared } })).GetProperty("setDataSharingConsent"));
        await Consent("5000420", true);
        await Consent("3300710", false);
        await Consent("5000310", true);

        var funder = await server.TokenAsync("funder-1");
        var seen = (await Rollup(code, "CONSORTIUM", funder))[$"{Northern} 2025-26"];
        Assert.Equal(80.0, seen.GetProperty("value").GetDouble()); // Maple Ridge only: Granite Falls withheld, Riverside not funded
        Assert.Equal(1, seen.GetProperty("districts").GetInt32());
        Assert.Equal(82.0, (await Rollup(code, "CONSORTIUM"))[$"{Northern} 2025-26"].GetProperty("value").GetDouble()); // the admin sees all: (24000 + 7000 + 10000) / 500

        var report = (await server.QueryAsync("{ fundingReport { grants { partnership withheld { district indicator } indicators { code periods { period value districts } } } } }", token: funder))
            .GetProperty("fundingReport").GetProperty("grants").EnumerateArray().Single(g => g.GetProperty("partnership").GetString() == "Proficiency-Based Learning Grant");
        Assert.Contains(report.GetProperty("withheld").EnumerateArray(), w => w.GetProperty("district").GetString() == "Granite Falls School District" && w.GetProperty("indicator").GetString() == code);
        var trend = report.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("periods").EnumerateArray().Single();
        Assert.Equal(80.0, trend.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Reports_are_validated_replace_with_history_kept_and_can_come_from_a_district_plugin()
    {
        var code = await DefineAsync("TEST_HISTORY", Aggregation.Mean, minimumGroupSize: 1);
        var first = await Report("5000420", "2025-26", [new { indicator = code, value = 91.0, studentCount = 2400 }]);
        Assert.Equal(0, first.GetProperty("values")[0].GetProperty("revisions").GetInt32());
        var second = await Report("5000420", "2025-26", [new { indicator = code, value = 92.5, studentCount = 2410 }]);
        Assert.Equal(1, second.GetProperty("values")[0].GetProperty("revisions").GetInt32());
        await using (var db = server.OpenDatabase())
            Assert.Equal(91.0, (await db.IndicatorValueRevisions.SingleAsync(r => r.IndicatorValue.Indicator.Code == code)).Value);

        var bad = await Report("5000420", "2025-27", [new { indicator = "NOPE", value = 1.0, studentCount = 1 }]);
        AssertError(bad, "ValidationError", "INVALID_PERIOD", "input", "period");
        bad = await Report("5000420", "2025-26", [new { indicator = "NOPE", value = 1.0, studentCount = 1 }, new { indicator = code, value = 140.0, studentCount = -1 }]);
        AssertError(bad, "ValidationError", "UNKNOWN_INDICATOR", "input", "values", "0", "indicator");
        AssertError(bad, "ValidationError", "OUT_OF_RANGE", "input", "values", "1", "value");
        AssertError(bad, "ValidationError", "OUT_OF_RANGE", "input", "values", "1", "studentCount");
        AssertError(await Report("5000420", "2025-26", [new { indicator = code, value = 1.0, studentCount = 1 }], await server.TokenAsync("staff-5000310")),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "districtId");
        await using (var db = server.OpenDatabase())
            Assert.Equal(92.5, (await db.IndicatorValues.SingleAsync(v => v.Indicator.Code == code)).Value);

        // Maple Ridge's Infinite Campus attendance, mapped by its plugin onto the consortium's attendance rate;
        // without its inputs recorded the plugin has no value to give (the demo's are cleared first).
        AssertOk((await server.QueryAsync($"mutation($input: SetLocalFieldsInput!) {{ setLocalFields(input: $input) {{ node {{ id }} {Errors} }} }}", new
        {
            input = new { id = await server.DistrictIdAsync("5000420"), plugin = "mapleRidge", values = new { sisAverageDailyAttendance = (decimal?)null, sisAverageDailyMembership = (decimal?)null } },
        })).GetProperty("setLocalFields"));
        AssertError(await Report("5000420", "2026-27", [new { indicator = "ATTENDANCE_RATE", studentCount = 2410, fromLocalField = new { plugin = "mapleRidge", field = "attendanceRate" } }]),
            "ValidationError", "NO_VALUE", "input", "values", "0", "fromLocalField");
        AssertOk((await server.QueryAsync($"mutation($input: SetLocalFieldsInput!) {{ setLocalFields(input: $input) {{ node {{ id }} {Errors} }} }}", new
        {
            input = new { id = await server.DistrictIdAsync("5000420"), plugin = "mapleRidge", values = new { sisAverageDailyAttendance = 2281.5m, sisAverageDailyMembership = 2410 } },
        })).GetProperty("setLocalFields"));
        var mapped = await Report("5000420", "2026-27", [new { indicator = "ATTENDANCE_RATE", studentCount = 2410, fromLocalField = new { plugin = "mapleRidge", field = "attendanceRate" } }]);
        AssertOk(mapped);
        Assert.Equal(94.7, mapped.GetProperty("values")[0].GetProperty("value").GetDouble());
        AssertError(await Report("5000310", "2026-27", [new { indicator = "ATTENDANCE_RATE", studentCount = 1, fromLocalField = new { plugin = "mapleRidge", field = "attendanceRate" } }]),
            "RuleViolation", "OUT_OF_PLUGIN_SCOPE", "input", "values", "0", "fromLocalField");
    }

    [Fact]
    public async Task A_full_consortium_report_costs_the_same_statements_with_many_more_districts()
    {
        const string query = """
            query($id: ID!) { consortium(id: $id) {
              impact { studentSeats savings staffFte onTimeRate decisionsTaken averageDaysToDecision commitmentsByStatus { status count } grants { funder amount } }
              byDistrict: rollup(indicator: "ATTENDANCE_RATE", groupBy: DISTRICT) { group period value suppressed }
              byState: rollup(indicator: "GRADUATION_RATE", groupBy: STATE) { group period value }
              byPartnership: rollup(indicator: "ATTENDANCE_RATE", groupBy: PARTNERSHIP) { group period value }
              partnerships(first: 100) { nodes { name impact { studentSeats savings staffFte onTimeRate decisionsTaken grants { funder amount } } } } } }
            """;
        var id = await ConsortiumId();
        async Task<(long Statements, int Rows)> Run()
        {
            var before = server.Statements;
            var data = await server.QueryAsync(query, new { id });
            return (server.Statements - before, data.GetProperty("consortium").GetProperty("byDistrict").GetArrayLength());
        }
        var small = await Run();
        await using (var db = server.OpenDatabase())
        {
            var northern = await db.Consortia.FirstAsync(c => c.Name == Northern);
            var attendance = await db.Indicators.FirstAsync(i => i.ConsortiumId == northern.Id && i.Code == "ATTENDANCE_RATE");
            var partnership = await db.Partnerships.FirstAsync(p => p.Name == "Rural Math Teacher Network");
            for (var i = 0; i < 40; i++)
            {
                var district = new Districts.District { Code = $"99{i:00000}", Name = $"Added District {i:00}", State = "VT", Locale = Districts.Locale.Rural, Enrollment = 300 + i };
                db.Districts.Add(district);
                db.ConsortiumMemberships.Add(new Consortia.ConsortiumMembership { ConsortiumId = northern.Id, District = district, JoinedOn = new DateOnly(2025, 7, 1) });
                db.PartnershipMembers.Add(new Partnerships.PartnershipMember { PartnershipId = partnership.Id, District = district, JoinedOn = new DateOnly(2025, 7, 1) });
                db.IndicatorValues.Add(new IndicatorValue { IndicatorId = attendance.Id, District = district, Period = "2025-26", Value = 93, StudentCount = 300 + i, ReportedAt = DateTime.UtcNow });
            }
            await db.SaveChangesAsync();
        }
        var large = await Run();
        output.WriteLine($"{small.Rows} district rows in {small.Statements} statements; {large.Rows} rows in {large.Statements} statements.");
        Assert.True(large.Rows >= small.Rows + 40);
        Assert.Equal(small.Statements, large.Statements);
    }

    [Fact]
    public async Task Joint_purchasing_savings_are_standalone_minus_consortium_price_times_quantity()
    {
        decimal expected;
        await using (var db = server.OpenDatabase())
            expected = (await db.PurchaseLines.Where(p => p.Partnership.Consortium.Name == Northern).ToListAsync())
                .Sum(p => (p.StandaloneUnitPrice - p.ConsortiumUnitPrice) * p.Quantity);
        Assert.True(expected > 0);
        var impact = (await server.QueryAsync("query($id: ID!) { consortium(id: $id) { impact { savings } partnerships(first: 100) { nodes { impact { savings } } } } }",
            new { id = await ConsortiumId() })).GetProperty("consortium");
        Assert.Equal(expected, impact.GetProperty("impact").GetProperty("savings").GetDecimal());
        Assert.Equal(expected, impact.GetProperty("partnerships").GetProperty("nodes").EnumerateArray().Sum(p => p.GetProperty("impact").GetProperty("savings").GetDecimal()));
    }

    [Fact]
    public async Task The_funding_report_exports_as_csv_for_the_funder_only()
    {
        using var client = server.CreateClient();
        async Task<HttpResponseMessage> Get(string path, string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
            return await client.SendAsync(request);
        }
        var response = await Get("/reports/funding.csv", await server.TokenAsync("funder-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("funder,partnership,fiscal_agent,grant_amount", lines[0]);
        var columns = lines[0].Split(',').Length;
        Assert.All(lines.Skip(1), l => Assert.StartsWith("Tri-State Rural Education Fund,", l));
        Assert.Contains(lines, l => l.Contains(",Proficiency-Based Learning Grant,") && l.Contains(",ATTENDANCE_RATE,percent,2025-26,"));
        // The grant's books beside its impact: the Tri-State grant's spending, remaining award and match as of today.
        Assert.EndsWith(",grant_spent,grant_remaining,match_met", lines[0]);
        Assert.Contains(lines, l => l.Contains(",Proficiency-Based Learning Grant,") && l.Contains(",450000.00,") && l.EndsWith(",194718.58,255281.42,21000.00", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Regional Bus and Fuel Purchasing"));
        Assert.All(lines.Skip(1).Where(l => !l.Contains('"')), l => Assert.Equal(columns, l.Split(',').Length));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Get("/reports/funding.csv", null)).StatusCode);
        var admin = await server.TokenAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await Get("/reports/funding.csv", admin)).StatusCode); // an admin names the funder
        var consortium = await ConsortiumId();
        Assert.Equal(HttpStatusCode.BadRequest, (await Get($"/reports/rollup.csv?consortiumId={consortium}&indicator=ATTENDANCE_RATE&groupBy=COUNTY", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Get($"/reports/rollup.csv?consortiumId={consortium}&indicator=NOPE&groupBy=STATE", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get($"/reports/rollup.csv?consortiumId={Graph.GlobalId.Encode("Consortium", 999)}&indicator=NOPE&groupBy=STATE", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/reports/funding.csv", await server.TokenAsync("staff-5000310"))).StatusCode);
        var rollup = await Get($"/reports/rollup.csv?consortiumId={await ConsortiumId()}&indicator=ATTENDANCE_RATE&groupBy=STATE&periods=2024-25", await server.TokenAsync());
        Assert.Equal(["group,period,value,districts,students,suppressed_because", "ME,2024-25", "NH,2024-25", "VT,2024-25"],
            (await rollup.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select((l, i) => i == 0 ? l : string.Join(',', l.Split(',').Take(2))));
    }

    [Fact]
    public async Task Csv_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text()
    {
        // A partnership named like a formula, grouped by partnership in a roll-up export.
        const string formula = "=HYPERLINK(\"http://evil.example\",\"Budget\")";
        var districts = (await server.QueryAsync("{ a: district(code: \"3300710\") { id } b: district(code: \"2300260\") { id } }"));
        var (lead, member) = (districts.GetProperty("a").GetProperty("id").GetString(), districts.GetProperty("b").GetProperty("id").GetString());
        Infrastructure.PayloadAssert.AssertOk((await server.QueryAsync($"mutation($input: CreatePartnershipInput!) {{ createPartnership(input: $input) {{ {Infrastructure.PayloadAssert.Errors} }} }}",
            new { input = new { consortiumId = await ConsortiumId(), name = formula, kind = "ADVOCACY", leadDistrictId = lead, memberDistrictIds = new[] { lead, member },
                agreementTitle = "MOU", agreementTerms = "Terms." } })).GetProperty("createPartnership"));
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/reports/rollup.csv?consortiumId={await ConsortiumId()}&indicator=ATTENDANCE_RATE&groupBy=PARTNERSHIP");
        request.Headers.Authorization = new("Bearer", await server.TokenAsync());
        using var response = await client.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = csv.Split("\r\n").Where(l => l.Contains("HYPERLINK")).ToList();
        Assert.NotEmpty(lines); // one per period
        Assert.All(lines, line => Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Budget\"\")\",", line)); // quoted, and text to a spreadsheet
    }

    [Fact]
    public async Task Snapshot_of_a_funders_report_over_the_demo_data()
    {
        var name = Snapshot.FullName(new SnapshotNameExtension("funding-report"));
        await using var host = new PluginTestHost();
        var data = await host.QueryAsync("""
            { fundingReport { funder { name } grants { partnership fiscalAgent grant { amount startsOn endsOn }
                impact { studentSeats studentsInMemberDistricts savings staffFte onTimeRate decisionsTaken averageDaysToDecision commitmentsByStatus { status count } grants { funder fiscalAgent amount } }
                indicators { code unit aggregation periods { group period value districts students suppressed suppressedBecause } }
                withheld { district indicator } } } }
            """, token: await host.TokenAsync("funder-1"));
        Snapshot.Match(JToken.Parse(data.GetRawText()), name);
    }
    [Fact]
    public async Task A_funders_report_costs_the_same_statements_with_more_grants_and_reads_only_the_impact_asked_for()
    {
        await using var host = new PluginTestHost();
        var token = await host.TokenAsync("funder-1");
        const string impactFields = "studentSeats studentsInMemberDistricts savings staffFte onTimeRate decisionsTaken averageDaysToDecision commitmentsByStatus { status count } grants { funder amount }";
        async Task<(long Statements, int Grants)> Run(string impact)
        {
            var before = host.Statements;
            var data = await host.QueryAsync($"{{ fundingReport {{ grants {{ partnership impact {{ {impact} }} indicators {{ code periods {{ period value }} }} withheld {{ district }} }} }} }}", token: token);
            return (host.Statements - before, data.GetProperty("fundingReport").GetProperty("grants").GetArrayLength());
        }
        var full = await Run(impactFields);
        var seats = await Run("studentSeats");
        await using (var db = host.OpenDatabase())
        {
            var funder = await db.Grants.Where(g => g.Funder.Grants.Count > 0).OrderBy(g => g.FunderId).Select(g => g.Funder).FirstAsync();
            var partnerships = await db.Partnerships.Include(p => p.Members).Where(p => p.Members.Count > 1 && !p.Grants.Any()).Take(3).ToListAsync();
            foreach (var p in partnerships)
                db.Grants.Add(new Grants.Grant { FunderId = funder.Id, PartnershipId = p.Id, FiscalAgentId = p.Members[0].DistrictId, Amount = 10_000, StartsOn = new DateOnly(2024, 7, 1), EndsOn = new DateOnly(2026, 6, 30) });
            await db.SaveChangesAsync();
        }
        var more = await Run(impactFields);
        output.WriteLine($"{full.Grants} grants in {full.Statements} statements, {more.Grants} grants in {more.Statements}; studentSeats alone: {seats.Statements}.");
        Assert.True(more.Grants >= full.Grants + 3);
        Assert.Equal(full.Statements, more.Statements);
        // Impact's six parts are one statement each; studentSeats needs one of them.
        Assert.Equal(full.Statements - 5, seats.Statements);
    }

    [Fact]
    public async Task Impact_fields_selected_through_fragments_or_aliases_are_read()
    {
        await using var host = new PluginTestHost();
        var direct = await host.QueryAsync("{ partnerships(first: 20) { nodes { impact { studentSeats studentsInMemberDistricts commitmentsByStatus { status count } } } } }");
        var indirect = await host.QueryAsync("""
            { partnerships(first: 20) { nodes { impact { ...Seats ... on Impact { students: studentsInMemberDistricts } commitmentsByStatus { status count } } } } }
            fragment Seats on Impact { studentSeats }
            """);
        var expected = direct.GetProperty("partnerships").GetProperty("nodes").EnumerateArray().Select(p => p.GetProperty("impact")).ToList();
        var actual = indirect.GetProperty("partnerships").GetProperty("nodes").EnumerateArray().Select(p => p.GetProperty("impact")).ToList();
        Assert.Contains(expected, i => i.GetProperty("studentsInMemberDistricts").GetInt32() > 0);
        Assert.Contains(expected, i => i.GetProperty("studentSeats").GetInt32() > 0);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].GetProperty("studentSeats").GetInt32(), actual[i].GetProperty("studentSeats").GetInt32());
            Assert.Equal(expected[i].GetProperty("studentsInMemberDistricts").GetInt32(), actual[i].GetProperty("students").GetInt32());
        }
    }

    [Fact]
    public async Task A_consortiums_impact_adds_up_its_partnerships_impacts()
    {
        await using var host = new PluginTestHost();
        const string fields = "studentSeats studentsInMemberDistricts savings staffFte decisionsTaken averageDaysToDecision onTimeRate commitmentsByStatus { status count } grants { funder fiscalAgent amount }";
        var consortium = (await host.QueryAsync($"{{ consortia {{ impact {{ {fields} }} partnerships(first: 100) {{ totalCount nodes {{ impact {{ {fields} }} }} }} }} }}"))
            .GetProperty("consortia").EnumerateArray().First(c => c.GetProperty("partnerships").GetProperty("totalCount").GetInt32() > 1);
        var total = consortium.GetProperty("impact");
        var parts = consortium.GetProperty("partnerships").GetProperty("nodes").EnumerateArray().Select(p => p.GetProperty("impact")).ToList();
        Assert.Equal(parts.Sum(p => p.GetProperty("studentSeats").GetInt32()), total.GetProperty("studentSeats").GetInt32());
        Assert.Equal(parts.Sum(p => p.GetProperty("studentsInMemberDistricts").GetInt32()), total.GetProperty("studentsInMemberDistricts").GetInt32());
        Assert.Equal(parts.Sum(p => p.GetProperty("savings").GetDecimal()), total.GetProperty("savings").GetDecimal());
        Assert.Equal(parts.Sum(p => p.GetProperty("decisionsTaken").GetInt32()), total.GetProperty("decisionsTaken").GetInt32());
        Assert.Equal(Math.Round(parts.Sum(p => p.GetProperty("staffFte").GetDouble()), 2), total.GetProperty("staffFte").GetDouble(), 2);
        Assert.Equal(
            parts.SelectMany(p => p.GetProperty("commitmentsByStatus").EnumerateArray()).GroupBy(s => s.GetProperty("status").GetString()!)
                .ToDictionary(g => g.Key, g => g.Sum(s => s.GetProperty("count").GetInt32())),
            total.GetProperty("commitmentsByStatus").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("count").GetInt32()));
        Assert.Equal(parts.SelectMany(p => p.GetProperty("grants").EnumerateArray()).Sum(g => g.GetProperty("amount").GetDecimal()),
            total.GetProperty("grants").EnumerateArray().Sum(g => g.GetProperty("amount").GetDecimal()));
        Assert.True(total.GetProperty("decisionsTaken").GetInt32() > 0 && total.GetProperty("commitmentsByStatus").GetArrayLength() > 1);
    }

    [Fact]
    public async Task A_funder_without_grants_gets_an_empty_report()
    {
        await using var host = new PluginTestHost();
        int funderId;
        await using (var db = host.OpenDatabase())
        {
            var funder = new Grants.Funder { Name = "A Fund With Nothing Yet" };
            db.Funders.Add(funder);
            await db.SaveChangesAsync();
            funderId = funder.Id;
        }
        var report = (await host.QueryAsync("query($f: ID) { fundingReport(funderId: $f) { funder { name } grants { partnership impact { studentSeats } indicators { code } withheld { district } } } }",
            new { f = Graph.GlobalId.Encode("Funder", funderId) })).GetProperty("fundingReport");
        Assert.Equal("A Fund With Nothing Yet", report.GetProperty("funder").GetProperty("name").GetString());
        Assert.Equal(0, report.GetProperty("grants").GetArrayLength());
    }
}
