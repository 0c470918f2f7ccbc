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
    public async Task The_ide_runs_its_welcome_query_signed_in_or_not_and_shows_the_result()
    {
        var (server, users) = await StartAsync();
        await using var _ = server;
        foreach (var (user, token) in new[] { ("staff-5000310", users["staff-5000310"]), ("anonymous", "") })
        {
            var pane = await BrowseAsync("ide.mjs", server, token, $"ide-{user}");
            Assert.Contains("Northern New England Rural Schools Consortium", pane);
            Assert.Contains("\"totalCount\"", pane);
            Assert.DoesNotContain("NOT_AUTHORIZED", pane);
        }
    }

    [BrowserFact]
    public async Task The_docs_explorer_lists_the_schema_before_anything_runs_as_every_role()
    {
        var (server, users) = await StartAsync();
        await using var _ = server;
        foreach (var user in new[] { "anonymous", "consortium-admin", "staff-5000310", "funder-1" })
        {
            var fields = (await BrowseAsync("docs.mjs", server, user == "anonymous" ? "" : users[user], $"docs-{user}"))
                .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("partnerships", fields);
            Assert.Contains("fundingReport", fields);
        }
    }

    /// <summary>The built server as a developer runs it: Development, so /dev/tokens serves the demo users (by user name).</summary>
    private async Task<(BuiltServer Server, Dictionary<string, string> Tokens)> StartAsync()
    {
        Assert.True(File.Exists(BrowserFactAttribute.Chromium), $"Chromium is required at {BrowserFactAttribute.Chromium}.");
        Directory.CreateDirectory(_folder);
        var server = await BuiltServer.StartAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            $"--ConnectionStrings:Consortium=Data Source={Path.Combine(_folder, "ide.db")}");
        using var http = new HttpClient { BaseAddress = server.Address };
        var users = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/dev/tokens")).RootElement.GetProperty("users").EnumerateArray()
            .ToDictionary(u => u.GetProperty("user").GetString()!, u => u.GetProperty("token").GetString()!);
        await BuiltServer.NpmCiAsync(Repository.File("tests", "browser"));
        return (server, users);
    }

    /// <summary>Runs one of tests/browser's scripts against the server with a token ("" for none) and returns what it printed; fails with what it said when it exits non-zero.</summary>
    private async Task<string> BrowseAsync(string script, BuiltServer server, string token, string screenshot)
    {
        using var browser = BuiltServer.Run("node", Repository.File("tests", "browser"), null, script, $"{server.Address}graphql", token, BrowserFactAttribute.Chromium,
            Path.Combine(_folder, screenshot + ".png"));
        var output = browser.StandardOutput.ReadToEndAsync();
        var error = browser.StandardError.ReadToEndAsync();
        await browser.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.True(browser.ExitCode == 0, $"{script} failed: {await error}");
        return await output;
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
