using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
    private Process? _server;

    [BrowserFact]
    public async Task The_ide_runs_the_dashboard_query_as_district_staff_and_shows_the_result()
    {
        Assert.True(File.Exists(BrowserFactAttribute.Chromium), $"Chromium is required at {BrowserFactAttribute.Chromium}.");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        Directory.CreateDirectory(_folder);
        // As a developer runs it: Development, so /dev/tokens serves the demo users.
        _server = Start("dotnet", AppContext.BaseDirectory, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            Path.Combine(AppContext.BaseDirectory, "ConsortiumGraph.Server.dll"), "--urls", $"http://127.0.0.1:{port}",
            $"--ConnectionStrings:Consortium=Data Source={Path.Combine(_folder, "ide.db")}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        string? tokens = null;
        for (var i = 0; i < 120 && tokens is null; i++)
        {
            try { tokens = await http.GetStringAsync("/dev/tokens"); }
            catch (HttpRequestException) { await Task.Delay(500); }
        }
        Assert.NotNull(tokens);
        var token = System.Text.Json.JsonDocument.Parse(tokens).RootElement.GetProperty("users").EnumerateArray()
            .First(u => u.GetProperty("user").GetString() == "staff-5000310").GetProperty("token").GetString()!;

        var scripts = Repository.File("tests", "browser");
        using (var install = Start("npm", scripts, null, "ci", "--no-audit", "--no-fund", "--loglevel=error"))
        {
            await install.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
            Assert.True(install.ExitCode == 0, "npm ci failed: " + await install.StandardError.ReadToEndAsync());
        }
        using var browser = Start("node", scripts, null, "ide.mjs", $"http://127.0.0.1:{port}/graphql", token, BrowserFactAttribute.Chromium, Path.Combine(_folder, "ide.png"));
        var output = browser.StandardOutput.ReadToEndAsync();
        var error = browser.StandardError.ReadToEndAsync();
        await browser.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.True(browser.ExitCode == 0, $"the IDE did not show a result: {await error}");
        var pane = await output;
        Assert.Contains("Northern New England Rural Schools Consortium", pane); // the dashboard query, run as Riverside's staff
        Assert.Contains("\"totalCount\"", pane);
        Assert.DoesNotContain("NOT_AUTHORIZED", pane);
    }

    private static Process Start(string file, string folder, Dictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? []) start.Environment[key] = value;
        return Process.Start(start)!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
