using System.Collections;
using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using ConsortiumGraph.Plugins;

namespace Hostile;

/// <summary>
/// A district plugin that tries what a malicious or careless one would: read the process's arguments and
/// environment, reflect into what it is given, read files outside its folder, open a network connection,
/// ask for another consortium's districts, allocate without bound, loop forever, crash its process.
/// Its `report` field says what each attempt got; the tests assert that every one came to nothing.
/// </summary>
public sealed class HostilePlugin : IDistrictPlugin
{
    public PluginManifest Manifest { get; } = new() { Key = "hostile", Districts = ["5000530"], Version = "6.6.6", Description = "Tries to escape its runner." };

    public void Register(PluginBuilder plugin)
    {
        plugin.District
            .Stored("targets", LocalFieldType.ListOf(LocalFieldType.String), "What to try: file:PATH, tcp:HOST:PORT, district:CODE.")
            .Stored("note", LocalFieldType.String, "A harmless stored field; writing `spin` makes the rule below loop.")
            .Computed("report", LocalFieldType.ListOf(LocalFieldType.String), "What each attempt got, one line each.", ReportAsync)
            .Computed("allocate", LocalFieldType.Int, "Allocates until memory runs out.", (_, _) => Allocate())
            .Computed("spin", LocalFieldType.Int, "Never returns.", (_, _) => Spin())
            .Computed("crash", LocalFieldType.Int, "Ends its own process.", (_, _) => Crash());
        plugin.Rule<ProposedLocalFields>("SPINS_ON_REQUEST", "Loops forever when the note is `spin`.",
            (change, _) => change.Proposed.String("note") == "spin" ? SpinForever() : Violation.None);
    }

    private static async Task<IReadOnlyList<object?>> ReportAsync(IReadOnlyList<LocalEntity<DistrictView>> districts, PluginContext context)
    {
        var lines = new List<string>
        {
            "args: " + string.Join(' ', Environment.GetCommandLineArgs()),
            "environment: " + string.Join(' ', Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => $"{e.Key}={e.Value}").Order()),
            "uid: " + Try(() => File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))),
            "reflection: " + string.Join(' ', Reachable(context.Data).Distinct().Order()),
            "assemblies: " + string.Join(' ', AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order()),
            "processes: " + Try(() => string.Join(' ', Process.GetProcesses().Select(p => p.ProcessName).Order())),
            "write-own-folder: " + Try(() => { File.WriteAllText(Path.Combine(Directory.GetCurrentDirectory(), "written.txt"), "x"); return "written"; }),
            "write-root: " + Try(() => { File.WriteAllText("/written.txt", "x"); return "written"; }),
        };
        foreach (var target in districts.SelectMany(d => d.Stored.List("targets") ?? []).OfType<string>())
        {
            if (target.StartsWith("file:", StringComparison.Ordinal))
            {
                var path = target[5..];
                lines.Add($"{target}: " + Try(() => Directory.Exists(path)
                    ? $"listed {Directory.GetFileSystemEntries(path).Length} entries"
                    : $"read {File.ReadAllBytes(path).Length} bytes"));
            }
            else if (target.StartsWith("tcp:", StringComparison.Ordinal))
            {
                var parts = target[4..].Split(':');
                lines.Add($"{target}: " + await TryAsync(async () =>
                {
                    using var client = new TcpClient();
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await client.ConnectAsync(parts[0], int.Parse(parts[1]), timeout.Token);
                    return "connected";
                }));
            }
            else if (target.StartsWith("district:", StringComparison.Ordinal))
            {
                var found = await context.Data.DistrictsAsync([target[9..]], context.CancellationToken);
                var calendar = await TryAsync(async () => $"{(await context.Data.CalendarAsync(target[9..], new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), context.CancellationToken)).Count} days");
                lines.Add($"{target}: {found.Count} districts, calendar {calendar}");
            }
        }
        return [.. districts.Select(_ => (object?)lines.Select(l => l.Length > 4000 ? l[..4000] : l).ToList())];
    }

    /// <summary>The types reachable from an object through its fields, a few levels deep: what a plugin could take hold of.</summary>
    private static IEnumerable<string> Reachable(object? root, int depth = 0)
    {
        if (root is null || depth > 4 || root is string || root.GetType().IsPrimitive) yield break;
        yield return $"{root.GetType().Namespace}.{root.GetType().Name}";
        foreach (var field in root.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            object? value;
            try { value = field.GetValue(root); } catch { continue; }
            foreach (var type in Reachable(value, depth + 1)) yield return type;
        }
    }

    private static string Try(Func<string> attempt)
    {
        try { return attempt(); }
        catch (Exception e) { return "failed: " + e.GetType().Name; }
    }

    private static async Task<string> TryAsync(Func<Task<string>> attempt)
    {
        try { return await attempt(); }
        catch (Exception e) { return "failed: " + e.GetType().Name; }
    }

    private static Task<IReadOnlyList<object?>> Allocate()
    {
        var hoard = new List<byte[]>();
        while (true) hoard.Add(GC.AllocateArray<byte>(16 << 20, pinned: false).AsSpan().ToArray());
    }

    private static Task<IReadOnlyList<object?>> Spin()
    {
        while (true) Thread.SpinWait(1000);
    }

    private static IEnumerable<Violation> SpinForever()
    {
        while (true) Thread.SpinWait(1000);
    }

    private static Task<IReadOnlyList<object?>> Crash()
    {
        Environment.FailFast("The hostile plugin ends its runner.");
        return Task.FromResult<IReadOnlyList<object?>>([]);
    }
}
