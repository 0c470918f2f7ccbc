using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>
/// A fact that needs Debian's Chromium. Skipped with the reason when it is not installed, unless
/// CONSORTIUMGRAPH_REQUIRE_BROWSER=1 (CI sets it and installs Chromium), where a missing browser fails.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CONSORTIUMGRAPH_REQUIRE_BROWSER") != "1")
            Skip = $"Chromium is not installed at {Chromium} (apt-get install chromium; .ci/run does).";
    }
}

/// <summary>The IDE in a real browser: the built server, headless Chromium, a demo token in the Headers tab, the default query run.</summary>
public sealed class IdeBrowserTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-ide-{Guid.NewGuid():N}");

    [BrowserFact]
    public async Task The_ide_runs_the_dashboard_query_as_district_staff_and_shows_the_result()
    {
        Assert.True(File.Exists(BrowserFactAttribute.Chromium), $"Chromium is required at {BrowserFactAttribute.Chromium}.");
        Directory.CreateDirectory(_folder);
        // As a developer runs it: Development, so /dev/tokens serves the demo users.
        await using var server = await BuiltServer.StartAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            $"--ConnectionStrings:Consortium=Data Source={Path.Combine(_folder, "ide.db")}");
        using var http = new HttpClient { BaseAddress = server.Address };
        var tokens = await http.GetStringAsync("/dev/tokens");
        var token = System.Text.Json.JsonDocument.Parse(tokens).RootElement.GetProperty("users").EnumerateArray()
            .First(u => u.GetProperty("user").GetString() == "staff-5000310").GetProperty("token").GetString()!;

        var scripts = Repository.File("tests", "browser");
        await BuiltServer.NpmCiAsync(scripts);
        using var browser = BuiltServer.Run("node", scripts, null, "ide.mjs", $"{server.Address}graphql", token, BrowserFactAttribute.Chromium, Path.Combine(_folder, "ide.png"));
        var output = browser.StandardOutput.ReadToEndAsync();
        var error = browser.StandardError.ReadToEndAsync();
        await browser.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.True(browser.ExitCode == 0, $"the IDE did not show a result: {await error}");
        var pane = await output;
        Assert.Contains("Northern New England Rural Schools Consortium", pane); // the dashboard query, run as Riverside's staff
        Assert.Contains("\"totalCount\"", pane);
        Assert.DoesNotContain("NOT_AUTHORIZED", pane);
    }

    [BrowserFact]
    public async Task The_docs_explorer_lists_the_schema_before_anything_runs_as_every_role()
    {
        Assert.True(File.Exists(BrowserFactAttribute.Chromium), $"Chromium is required at {BrowserFactAttribute.Chromium}.");
        Directory.CreateDirectory(_folder);
        await using var server = await BuiltServer.StartAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            $"--ConnectionStrings:Consortium=Data Source={Path.Combine(_folder, "docs.db")}");
        using var http = new HttpClient { BaseAddress = server.Address };
        var users = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/dev/tokens")).RootElement.GetProperty("users").EnumerateArray()
            .ToDictionary(u => u.GetProperty("user").GetString()!, u => u.GetProperty("token").GetString()!);
        var scripts = Repository.File("tests", "browser");
        await BuiltServer.NpmCiAsync(scripts);
        foreach (var (user, token) in new[] { ("anonymous", ""), ("consortium-admin", users["consortium-admin"]), ("staff-5000310", users["staff-5000310"]), ("funder-1", users["funder-1"]) })
        {
            using var browser = BuiltServer.Run("node", scripts, null, "docs.mjs", $"{server.Address}graphql", token, BrowserFactAttribute.Chromium, Path.Combine(_folder, $"docs-{user}.png"));
            var output = browser.StandardOutput.ReadToEndAsync();
            var error = browser.StandardError.ReadToEndAsync();
            await browser.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
            Assert.True(browser.ExitCode == 0, $"as {user}, the Docs explorer did not list the schema: {await error}");
            var fields = (await output).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("partnerships", fields);
            Assert.Contains("fundingReport", fields);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
