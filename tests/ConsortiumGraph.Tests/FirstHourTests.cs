using System.Net;
using System.Text.Json;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>What a new user meets in the first hour, as a fresh trial met it: each answer says what to do next.</summary>
public sealed class FirstHourTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_servers_address_leads_to_the_ide_which_has_an_icon()
    {
        using var client = server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var root = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/graphql", root.Headers.Location!.OriginalString);
        using var icon = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_query_the_ide_opens_with_runs_without_credentials()
    {
        var (status, body) = await server.SendAsync(Graph.Ide.DefaultQuery, token: PluginTestHost.Anonymous);
        Assert.True(status == HttpStatusCode.OK, body);
        var response = JsonDocument.Parse(body).RootElement;
        Assert.False(response.TryGetProperty("errors", out _), body);
        Assert.Equal(2, response.GetProperty("data").GetProperty("consortia").GetArrayLength());
        Assert.Contains("/dev/tokens", Graph.Ide.DefaultQuery); // and says how to sign in for the rest
    }

    [Fact]
    public async Task Refusals_say_who_may_not_and_what_is_missing()
    {
        static string Message(string body) => JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("message").GetString()!;
        var (_, denied) = await server.SendAsync("{ auditLog(first: 1) { totalCount } }", token: await server.TokenAsync("staff-5000310"));
        Assert.Equal("District staff may not read `Query.auditLog`.", Message(denied));

        var report = await server.PostAsync("{ fundingReport { funder { name } } }");
        var error = report.GetProperty("errors")[0];
        Assert.Equal("REQUIRED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("required for consortium admins", error.GetProperty("message").GetString());
        var malformed = (await server.PostAsync("{ fundingReport(funderId: \"nope\") { funder { name } } }")).GetProperty("errors")[0];
        Assert.Equal("INVALID_ID", malformed.GetProperty("extensions").GetProperty("code").GetString());

        // The CSV export answers as its report does: for this caller, what is wrong.
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reports/funding.csv");
        request.Headers.Authorization = new("Bearer", await server.TokenAsync("staff-5000310"));
        using var csv = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        Assert.Contains("District staff may not read `Query.fundingReport`.", Message(await csv.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_funders_report_shows_what_its_grants_paid_for()
    {
        // The demo's funder sees students served, staff time and savings, not a row of zeros.
        var grants = (await server.PostAsync("""
            { fundingReport { grants { grant { awardNumber } impact { studentSeats staffFte savings } } } }
            """, token: await server.TokenAsync("funder-1"))).GetProperty("data").GetProperty("fundingReport").GetProperty("grants")
            .EnumerateArray().ToDictionary(g => g.GetProperty("grant").GetProperty("awardNumber").GetString()!, g => g.GetProperty("impact"));
        Assert.True(grants["TSREF-2023-006"].GetProperty("studentSeats").GetInt32() > 0); // Summer Bridge's seats
        Assert.True(grants["TSREF-2025-014"].GetProperty("staffFte").GetDouble() > 0);     // the Proficiency grant's coaching
        Assert.True(grants["TSREF-2025-014"].GetProperty("savings").GetDecimal() > 0);
    }

    [Fact]
    public async Task A_healthy_start_and_ordinary_requests_log_nothing_at_warning_level()
    {
        var folder = Directory.CreateTempSubdirectory("consortiumgraph-log-").FullName;
        try
        {
            // As an operator runs it, with the sample plugins built beside it.
            await using var built = await BuiltServer.StartAsync(null, $"--ConnectionStrings:Consortium=Data Source={Path.Combine(folder, "log.db")}");
            using var http = new HttpClient { BaseAddress = built.Address };
            var query = System.Net.Http.Json.JsonContent.Create(new { query = """
                { consortia { name partnerships(first: 5) { nodes { name } } } districts(first: 5) { nodes { name schools(first: 3) { nodes { name } } } } }
                """ });
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/graphql", query)).StatusCode);
            await Task.Delay(500);
            var warnings = built.Log.Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
            Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
