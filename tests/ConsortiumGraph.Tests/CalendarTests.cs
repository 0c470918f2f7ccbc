using System.Text.Json;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Districts publish their school-year calendars, by their days or by the iCalendar file they post, and
/// commonDays answers from what they published: the days two districts can share a course or a training day.
/// </summary>
public sealed class CalendarTests : IAsyncLifetime
{
    private readonly PluginTestHost _host = new();
    private const string Publication = "calendar { schoolYear firstDay lastDay instructionalDays earlyReleaseDays changedDays ignoredEvents district { code } }";

    private async Task<JsonElement> Publish(object input, string? token = null) =>
        (await _host.QueryAsync($"mutation Calendar($input: PublishCalendarInput!) {{ publishCalendar(input: $input) {{ {Publication} {Errors} }} }}", new { input },
            token ?? _host.TokenFor("district-staff", districts: ["3300710"]))).GetProperty("publishCalendar");

    private async Task<object> GraniteFalls() => new
    {
        districtId = await _host.DistrictIdAsync("3300710"), schoolYear = "2027-28", firstDay = "2027-08-25", lastDay = "2028-06-12",
        days = new object[]
        {
            new { date = "2027-11-25", kind = "NO_SCHOOL", note = "Thanksgiving" }, new { date = "2027-11-26", kind = "NO_SCHOOL", note = "Thanksgiving" },
            new { date = "2027-09-15", kind = "EARLY_RELEASE", note = "Staff collaboration" }, new { date = "2028-03-04", kind = "IN_SESSION", note = "Storm make-up day" },
        },
    };

    [Fact]
    public async Task A_published_year_has_every_day_and_publishing_it_again_changes_none()
    {
        var published = await Publish(await GraniteFalls());
        AssertOk(published);
        var calendar = published.GetProperty("calendar");
        // 209 weekdays from Aug 25 to Jun 12, less two holidays, plus a Saturday make-up day.
        Assert.Equal((208, 1, 366), (calendar.GetProperty("instructionalDays").GetInt32(), calendar.GetProperty("earlyReleaseDays").GetInt32(), calendar.GetProperty("changedDays").GetInt32()));
        var again = await Publish(await GraniteFalls());
        Assert.Equal(0, again.GetProperty("calendar").GetProperty("changedDays").GetInt32());

        var days = (await _host.QueryAsync("""{ district(code: "3300710") { calendar(from: "2027-11-24", to: "2027-11-28") { date inSession note } } }"""))
            .GetProperty("district").GetProperty("calendar").EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("inSession").GetBoolean())).ToList();
        Assert.Equal([("2027-11-24", true), ("2027-11-25", false), ("2027-11-26", false), ("2027-11-27", false), ("2027-11-28", false)], days);
        await using var db = _host.OpenDatabase();
        Assert.Equal(366, await db.AuditEntries.CountAsync(a => a.Operation == "publishCalendar in Calendar" && a.EntityType == "CalendarDay" && a.DistrictId != null));
    }

    [Fact]
    public async Task Bad_calendars_and_other_districts_staff_are_refused_with_nothing_stored()
    {
        var district = await _host.DistrictIdAsync("3300710");
        AssertError(await Publish(new { districtId = district, schoolYear = "2027-29", firstDay = "2027-08-25", lastDay = "2028-06-12" }), "ValidationError", "INVALID_PERIOD", "input", "schoolYear");
        AssertError(await Publish(new { districtId = district, schoolYear = "2027-28", firstDay = "2028-08-25", lastDay = "2028-06-12" }), "ValidationError", "INVALID_RANGE");
        AssertError(await Publish(new { districtId = district, schoolYear = "2027-28", firstDay = "2027-08-25", lastDay = "2028-06-12", days = new[] { new { date = "2028-07-04", kind = "NO_SCHOOL" } } }),
            "ValidationError", "OUT_OF_RANGE", "input", "days", "0", "date");
        AssertError(await Publish(new { districtId = district, schoolYear = "2027-28", firstDay = "2027-08-25", lastDay = "2028-06-12",
            days = new[] { new { date = "2027-11-25", kind = "NO_SCHOOL" }, new { date = "2027-11-25", kind = "EARLY_RELEASE" } } }), "ValidationError", "DUPLICATE_DAY", "input", "days", "1", "date");
        AssertError(await Publish(await GraniteFalls(), _host.TokenFor("district-staff", districts: ["3300820"])), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "districtId");
        await using var db = _host.OpenDatabase();
        Assert.Equal(0, await db.CalendarDays.CountAsync(d => d.Date >= new DateOnly(2027, 7, 1)));
    }

    [Fact]
    public async Task An_ics_file_publishes_its_closures_early_releases_and_recurring_events_and_common_days_answer_from_both()
    {
        AssertOk(await Publish(await GraniteFalls()));
        using var client = _host.CreateClient();
        var ics = await File.ReadAllBytesAsync(Repository.File("tests", "ConsortiumGraph.Tests", "TestData", "calendars", "white-birch-2027-28.ics"));
        var (status, body) = await MultipartPost.SendAsync(client, _host.TokenFor("district-staff", districts: ["3300820"]),
            $"mutation Calendar($input: ImportCalendarInput!) {{ importCalendar(input: $input) {{ {Publication} {Errors} }} }}",
            new { input = new { districtId = await _host.DistrictIdAsync("3300820"), schoolYear = "2027-28", file = (object?)null } },
            [("variables.input.file", ics, "white-birch-2027-28.ics")]);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var imported = body.GetProperty("data").GetProperty("importCalendar");
        AssertOk(imported);
        var calendar = imported.GetProperty("calendar");
        // Aug 30 to Jun 14: 208 weekdays, less Labor Day, a teacher workday, three Thanksgiving days and seven of winter vacation.
        Assert.Equal(("2027-08-30", "2028-06-14", 196, 5), (calendar.GetProperty("firstDay").GetString(), calendar.GetProperty("lastDay").GetString(),
            calendar.GetProperty("instructionalDays").GetInt32(), calendar.GetProperty("earlyReleaseDays").GetInt32()));
        Assert.Equal(["School Board Meeting"], calendar.GetProperty("ignoredEvents").EnumerateArray().Select(e => e.GetString()));

        var ids = new[] { await _host.DistrictIdAsync("3300710"), await _host.DistrictIdAsync("3300820") };
        async Task<string[]> Common(string from, string to, bool inSession) => (await _host.QueryAsync(
                "query($ids: [ID!]!, $from: Date!, $to: Date!, $in: Boolean!) { commonDays(districtIds: $ids, from: $from, to: $to, inSession: $in) }", new { ids, from, to, @in = inSession }))
            .GetProperty("commonDays").EnumerateArray().Select(d => d.GetString()!).ToArray();
        Assert.Equal(["2027-09-13", "2027-09-14", "2027-09-15", "2027-09-16", "2027-09-17"], await Common("2027-09-13", "2027-09-17", true));
        Assert.Equal(["2027-11-25", "2027-11-26", "2027-11-27", "2027-11-28"], await Common("2027-11-22", "2027-11-28", false));

        var (_, broken) = await MultipartPost.SendAsync(client, _host.TokenFor("district-staff", districts: ["3300820"]),
            "mutation($input: ImportCalendarInput!) { importCalendar(input: $input) { errors { code path } } }",
            new { input = new { districtId = await _host.DistrictIdAsync("3300820"), schoolYear = "2027-28", file = (object?)null } },
            [("variables.input.file", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\n"u8.ToArray(), "broken.ics")]);
        Assert.Contains(broken.GetProperty("data").GetProperty("importCalendar").GetProperty("errors")[0].GetProperty("code").GetString(), new[] { "INVALID_FILE", "REQUIRED" });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
