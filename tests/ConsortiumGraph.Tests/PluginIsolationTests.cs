using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// A fact that needs bubblewrap to confine plugin runners. Skipped with the reason where it is not
/// installed, unless CONSORTIUMGRAPH_REQUIRE_SANDBOX=1 (CI sets it and installs bubblewrap).
/// </summary>
public sealed class SandboxFactAttribute : FactAttribute
{
    public SandboxFactAttribute()
    {
        if (!File.Exists("/usr/bin/bwrap") && Environment.GetEnvironmentVariable("CONSORTIUMGRAPH_REQUIRE_SANDBOX") != "1")
            Skip = "bubblewrap is not installed at /usr/bin/bwrap (apt-get install bubblewrap; .ci/run does).";
    }
}

/// <summary>The samples beside the hostile plugin (Green Mountain's, 5000530), with short time budgets and a small heap, and a district no plugin may see.</summary>
public sealed class HostileServer : ConsortiumServer
{
    public const string FarAway = "9999901";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-hostile-{Guid.NewGuid():N}");

    public HostileServer()
    {
        foreach (var plugin in Directory.GetDirectories(BuiltPlugins()).Append(Path.Combine(BuiltPlugins("hostile-plugins"), "Hostile")))
            MixedPluginsServer.CopyFolder(plugin, Path.Combine(_folder, Path.GetFileName(plugin)));
        PluginsPath = _folder;
        Settings = new Dictionary<string, string>
        {
            // Long enough that a runner filling its heap is stopped by the memory limit, not the clock, on a loaded CI machine
            // (at 1.5 s the full suite once saw PLUGIN_TIMEOUT for `allocate`: the GC's last collections before out-of-memory ran long).
            ["Plugins:FieldTimeout"] = "00:00:04", ["Plugins:RuleTimeout"] = "00:00:01.500", ["Plugins:MemoryLimitMb"] = "128", ["Plugins:MaxRestarts"] = "50",
        };
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A consortium of its own: no district of the hostile plugin's consortia shares it.
        await using var db = OpenDatabase();
        var district = new District { Code = FarAway, Name = "Far Away School District", State = "AK" };
        db.Consortia.Add(new Consortium { Name = "Far Away Consortium", SharedGoal = "Unrelated work.", Memberships = [new() { District = district, JoinedOn = new DateOnly(2020, 7, 1) }] });
        db.CalendarDays.Add(new Calendars.CalendarDay { District = district, Date = new DateOnly(2026, 9, 8), InSession = true });
        await db.SaveChangesAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// Plugin code runs in a runner process: it reaches nothing of the server, its faults stay its own,
/// and the server keeps serving with the database unchanged.
/// </summary>
public sealed class PluginIsolationTests(HostileServer server) : IClassFixture<HostileServer>
{
    private const string Hostile = "5000530";

    private async Task<Dictionary<string, string>> ReportAsync(params string[] targets)
    {
        await TargetAsync(targets);
        return await ReadReportAsync();
    }

    /// <summary>What the plugin is to try, as an attacker who knows the server's paths and ports would tell it.</summary>
    private async Task TargetAsync(string[] targets)
    {
        var district = await server.DistrictIdAsync(Hostile);
        AssertOk((await server.QueryAsync($"mutation($input: SetLocalFieldsInput!) {{ setLocalFields(input: $input) {{ {Errors} }} }}",
            new { input = new { id = district, plugin = "hostile", values = new { targets } } })).GetProperty("setLocalFields"));
    }

    private async Task<Dictionary<string, string>> ReadReportAsync()
    {
        var report = (await server.QueryAsync($"{{ district(code: \"{Hostile}\") {{ local {{ hostile {{ report }} }} }} }}"))
            .GetProperty("district").GetProperty("local").GetProperty("hostile").GetProperty("report");
        return report.EnumerateArray().Select(l => l.GetString()!.Split(": ", 2)).ToDictionary(p => p[0], p => p[1]);
    }

    private async Task<string> ChecksumAsync()
    {
        await using var db = server.OpenDatabase();
        return await DatabaseChecksum.OfAsync(db);
    }

    private string Secret(string key) => server.Services.GetRequiredService<IConfiguration>()[key] ?? throw new InvalidOperationException($"No {key}.");

    [Fact]
    public async Task A_plugin_gets_nothing_of_the_server_and_no_district_outside_its_consortia()
    {
        var report = await ReportAsync($"district:{HostileServer.FarAway}", "district:3300710");
        var signingKey = Secret("Auth:SigningKey");
        var connectionString = Secret("ConnectionStrings:Consortium");
        foreach (var line in new[] { "args", "environment" })
        {
            Assert.DoesNotContain(signingKey, report[line]);
            Assert.DoesNotContain(connectionString, report[line]);
            Assert.DoesNotContain("ConnectionStrings", report[line]);
            Assert.DoesNotContain("ASPNETCORE", report[line]);
        }
        // What it was handed leads to a pipe, not to the server's services or database.
        Assert.Contains("RemoteConsortiumData", report["reflection"]);
        foreach (var server in new[] { "DbContext", "ServiceProvider", "ConsortiumGraph.Data", "ConsortiumGraph.PluginHost" })
            Assert.DoesNotContain(server, report["reflection"]);
        Assert.DoesNotContain("ConsortiumGraph.Server", report["assemblies"]);
        Assert.DoesNotContain("Microsoft.EntityFrameworkCore", report["assemblies"]);
        // IConsortiumData answers under the plugin's own scope: a district of another consortium does not exist for it.
        Assert.Equal("0 districts, calendar 0 days", report[$"district:{HostileServer.FarAway}"]);
        Assert.StartsWith("1 districts", report["district:3300710"]);
    }

    [SandboxFact]
    public async Task In_its_sandbox_a_plugin_reads_no_file_outside_its_folder_and_opens_no_connection()
    {
        Assert.StartsWith("bubblewrap", server.Schema.Sandbox);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = 0;
        _ = Task.Run(async () => { while (true) { using var _ = await listener.AcceptTcpClientAsync(); Interlocked.Increment(ref accepted); } });
        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Secret("ConnectionStrings:Consortium")).DataSource;
        string[] files = [database, AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "ConsortiumGraph.Server.dll"), "/etc/passwd", "/root", $"/proc/{Environment.ProcessId}/environ"]; // the last: the server's own environment

        await TargetAsync([.. files.Select(f => "file:" + f), $"tcp:127.0.0.1:{port}"]);
        var before = await ChecksumAsync();
        var report = await ReadReportAsync();
        foreach (var file in files)
            Assert.StartsWith("failed:", report["file:" + file]);
        Assert.StartsWith("failed:", report[$"tcp:127.0.0.1:{port}"]);
        Assert.Equal(0, accepted);
        Assert.StartsWith("failed:", report["write-own-folder"]);
        Assert.StartsWith("failed:", report["write-root"]);
        Assert.Contains("65534", report["uid"]); // nobody
        Assert.DoesNotContain("ConsortiumGraph", report["processes"].Replace("ConsortiumGraph.Plugins.Runner", "")); // its own PID namespace
        Assert.Equal(before, await ChecksumAsync());
    }

    [Fact]
    public async Task Runaway_code_is_stopped_and_the_rest_of_the_request_is_served()
    {
        var before = await ChecksumAsync();
        foreach (var (field, code) in new[] { ("spin", "PLUGIN_TIMEOUT"), ("allocate", "PLUGIN_FAILED"), ("crash", "PLUGIN_FAILED") })
        {
            var response = await server.PostAsync($"{{ district(code: \"{Hostile}\") {{ name local {{ hostile {{ note {field} }} }} }} maple: district(code: \"5000420\") {{ local {{ mapleRidge {{ sisAverageDailyMembership attendanceRate }} }} }} }}");
            var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
            Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal($"district.local.hostile.{field}", string.Join('.', error.GetProperty("path").EnumerateArray().Select(p => p.ToString())));
            var data = response.GetProperty("data");
            Assert.Equal("Green Mountain Union School District", data.GetProperty("district").GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.Object, data.GetProperty("maple").GetProperty("local").GetProperty("mapleRidge").ValueKind);
            await ReportServedAgainAsync();
        }

        // A rule that never returns blocks its change with PLUGIN_TIMEOUT, and nothing is stored.
        var payload = (await server.QueryAsync($"mutation($input: SetLocalFieldsInput!) {{ setLocalFields(input: $input) {{ {Errors} }} }}",
            new { input = new { id = await server.DistrictIdAsync(Hostile), plugin = "hostile", values = new { note = "spin" } } })).GetProperty("setLocalFields");
        AssertError(payload, "RuleViolation", "PLUGIN_TIMEOUT");
        await ReportServedAgainAsync();
        Assert.Equal(before, await ChecksumAsync());
    }

    /// <summary>The runner is started again after its failure: its fields answer once more.</summary>
    private async Task ReportServedAgainAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            var response = await server.PostAsync($"{{ district(code: \"{Hostile}\") {{ local {{ hostile {{ report }} }} }} }}");
            if (!response.TryGetProperty("errors", out _)) return;
            await Task.Delay(100);
        }
        Assert.Fail("The hostile plugin's runner did not come back within 10 s.");
    }
}

/// <summary>A runner that keeps failing is given up on: its plugin is listed as failed with the reason, and readiness says so.</summary>
public sealed class FailingRunnerTests
{
    [Fact]
    public async Task A_runner_that_keeps_crashing_is_marked_failed_and_its_fields_fail_fast()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-failing-{Guid.NewGuid():N}");
        MixedPluginsServer.CopyFolder(Path.Combine(ConsortiumServer.BuiltPlugins("hostile-plugins"), "Hostile"), Path.Combine(folder, "Hostile"));
        try
        {
            await using var host = new Plugins.Testing.PluginTestHost { PluginsPath = folder, Settings = new Dictionary<string, string> { ["Plugins:MaxRestarts"] = "1" } };
            var runner = Assert.Single(host.Schema.Runners);
            for (var crashes = 0; crashes < 2; crashes++)
            {
                var starts = runner.Starts;
                var response = await host.PostAsync("{ district(code: \"5000530\") { local { hostile { crash } } } }");
                Assert.Equal("PLUGIN_FAILED", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
                if (crashes == 0)
                    for (var i = 0; i < 100 && (runner.Starts == starts || runner.ProcessId is null); i++) await Task.Delay(100); // started again
            }
            for (var i = 0; i < 100 && runner.Failure is null; i++) await Task.Delay(50);
            var plugin = (await host.QueryAsync("{ plugins { key state loaded reason } }")).GetProperty("plugins")[0];
            Assert.Equal("FAILED", plugin.GetProperty("state").GetString());
            Assert.False(plugin.GetProperty("loaded").GetBoolean());
            Assert.Contains("failed 2 times in a row", plugin.GetProperty("reason").GetString());
            // The runner's own end (FailFast aborts: SIGABRT, 134), read before the server's kill, whose SIGKILL would read 137.
            Assert.Contains("exit code 134", plugin.GetProperty("reason").GetString());

            using var client = host.CreateClient();
            var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;
            Assert.Equal("Degraded", ready.GetProperty("status").GetString());
            Assert.Contains("failed 2 times", ready.GetProperty("checks").GetProperty("plugins").GetProperty("data").GetProperty("rejected")[0].GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
