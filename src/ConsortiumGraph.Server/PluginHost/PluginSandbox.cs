using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// How a plugin runner process is started: always with a clean environment (nothing of the server's
/// variables), no secret in its arguments, and a GC heap limit; on Linux, where bubblewrap works, also
/// in namespaces of its own: no network, its own process tree, a filesystem that holds only the
/// system's libraries, .NET, the runner's own files and the plugin's folder (read-only), as user nobody.
/// </summary>
public sealed class PluginSandbox
{
    private const string RunnerAssembly = "ConsortiumGraph.Plugins.Runner";
    private const int Nobody = 65534;

    private readonly string _dotnet;
    private readonly string _runnerDirectory;
    private readonly IReadOnlyList<string> _runnerFiles;
    private readonly string? _bubblewrap;
    private readonly int _memoryLimitMb;

    private PluginSandbox(string dotnet, string runnerDirectory, IReadOnlyList<string> runnerFiles, string? bubblewrap, int memoryLimitMb, string description)
    {
        (_dotnet, _runnerDirectory, _runnerFiles, _bubblewrap, _memoryLimitMb) = (dotnet, runnerDirectory, runnerFiles, bubblewrap, memoryLimitMb);
        Description = description;
    }

    /// <summary>What confines the runners, for the log, <c>/health/ready</c> and the plugin status.</summary>
    public string Description { get; }

    /// <summary>True when runners run in bubblewrap's namespaces.</summary>
    public bool Isolated => _bubblewrap is not null;

    /// <summary>Finds the runner and decides how to confine it; a problem (no runner, bubblewrap required but absent) comes back as <paramref name="problem"/>.</summary>
    public static PluginSandbox? Create(PluginOptions options, out string? problem)
    {
        problem = null;
        var directory = System.IO.Path.GetFullPath(options.RunnerPath ?? AppContext.BaseDirectory);
        var files = RunnerFiles(directory);
        if (files is null)
        {
            problem = $"The plugin runner is not in {directory} ({RunnerAssembly}.dll with its .runtimeconfig.json and .deps.json): build the server, or set Plugins:RunnerPath.";
            return null;
        }
        var dotnet = DotnetHost();
        if (options.Sandbox == PluginSandboxMode.None)
            return new(dotnet, directory, files, null, options.MemoryLimitMb, "no sandbox (Plugins:Sandbox=None): runners have a clean environment but the server's user, files and network");
        var bubblewrap = OperatingSystem.IsLinux() ? FindBubblewrap() : null;
        string? why = bubblewrap is null ? (OperatingSystem.IsLinux() ? "bubblewrap (bwrap) is not installed" : $"bubblewrap needs Linux, this is {RuntimeInformation.OSDescription}") : null;
        if (bubblewrap is not null && !Probe(bubblewrap, out var failure)) { why = $"bubblewrap does not work here ({failure})"; bubblewrap = null; }
        if (bubblewrap is null)
        {
            if (options.Sandbox == PluginSandboxMode.Bubblewrap)
            {
                problem = $"Plugins:Sandbox is Bubblewrap, but {why}.";
                return null;
            }
            return new(dotnet, directory, files, null, options.MemoryLimitMb, $"no sandbox: {why}; runners have a clean environment but the server's user, files and network");
        }
        return new(dotnet, directory, files, bubblewrap, options.MemoryLimitMb,
            $"bubblewrap: no network, own PID namespace, user nobody, read-only view of the system libraries, .NET, the runner and the plugin's folder only; GC heap limit {options.MemoryLimitMb} MiB");
    }

    /// <summary>The command that runs the runner for the plugin in <paramref name="pluginFolder"/>.</summary>
    public ProcessStartInfo StartInfo(string pluginFolder)
    {
        var name = System.IO.Path.GetFileName(pluginFolder);
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, CreateNoWindow = true,
        };
        info.Environment.Clear();
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = $"0x{(long)_memoryLimitMb * 1024 * 1024:X}",
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_EnableDiagnostics"] = "0", // no debugger or diagnostics socket into the runner
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        if (_bubblewrap is null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
            info.Environment["HOME"] = System.IO.Path.GetTempPath();
            info.WorkingDirectory = pluginFolder;
            info.FileName = _dotnet;
            info.ArgumentList.Add(System.IO.Path.Combine(_runnerDirectory, RunnerAssembly + ".dll"));
            info.ArgumentList.Add(pluginFolder);
            return info;
        }

        info.FileName = _bubblewrap;
        var args = info.ArgumentList;
        void Add(params string[] values) { foreach (var v in values) args.Add(v); }
        Add("--unshare-all", "--die-with-parent", "--new-session", "--clearenv", "--uid", $"{Nobody}", "--gid", $"{Nobody}");
        Add("--ro-bind", "/usr", "/usr");
        foreach (var top in new[] { "/lib", "/lib64", "/lib32", "/bin", "/sbin" })
        {
            var link = new FileInfo(top).LinkTarget ?? new DirectoryInfo(top).LinkTarget;
            if (link is not null) Add("--symlink", link, top);
            else if (Directory.Exists(top)) Add("--ro-bind", top, top);
        }
        var dotnetRoot = System.IO.Path.GetDirectoryName(_dotnet)!;
        if (!dotnetRoot.StartsWith("/usr/", StringComparison.Ordinal)) Add("--ro-bind", dotnetRoot, dotnetRoot);
        Add("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--dir", "/runner", "--dir", "/plugin");
        foreach (var file in _runnerFiles) Add("--ro-bind", System.IO.Path.Combine(_runnerDirectory, file), "/runner/" + file);
        Add("--ro-bind", pluginFolder, "/plugin/" + name, "--chdir", "/plugin/" + name, "--remount-ro", "/");
        foreach (var (key, value) in environment) Add("--setenv", key, value);
        Add("--setenv", "HOME", "/tmp", "--setenv", "PATH", "/usr/bin:/bin");
        Add(_dotnet, $"/runner/{RunnerAssembly}.dll", "/plugin/" + name);
        return info;
    }

    /// <summary>The runner's own files (its assembly, runtime config, dependency manifest and the assemblies that manifest names), or null when absent.</summary>
    internal static IReadOnlyList<string>? RunnerFiles(string directory)
    {
        string[] own = [RunnerAssembly + ".dll", RunnerAssembly + ".runtimeconfig.json", RunnerAssembly + ".deps.json"];
        if (own.Any(f => !File.Exists(System.IO.Path.Combine(directory, f)))) return null;
        using var deps = JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.Combine(directory, own[2])));
        // Every target: a build for one runtime (publish -r) lists an empty portable target before its own.
        var assemblies = deps.RootElement.GetProperty("targets").EnumerateObject().SelectMany(target => target.Value.EnumerateObject())
            .Where(library => library.Value.TryGetProperty("runtime", out _))
            .SelectMany(library => library.Value.GetProperty("runtime").EnumerateObject().Select(asset => System.IO.Path.GetFileName(asset.Name)))
            .Where(file => File.Exists(System.IO.Path.Combine(directory, file)));
        return [.. own.Concat(assemblies).Distinct()];
    }

    /// <summary>The dotnet host to start runners with: the one running the server, or the one beside the runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } path && System.IO.Path.GetFileNameWithoutExtension(path) == "dotnet") return path;
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = System.IO.Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }

    private static string? FindBubblewrap() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(System.IO.Path.PathSeparator).Append("/usr/bin")
            .Select(d => System.IO.Path.Combine(d, "bwrap")).FirstOrDefault(File.Exists);

    /// <summary>bubblewrap needs user namespaces (or root); try it once rather than fail every runner.</summary>
    private static bool Probe(string bubblewrap, out string? failure)
    {
        failure = null;
        try
        {
            var info = new ProcessStartInfo(bubblewrap) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "--uid", $"{Nobody}", "--gid", $"{Nobody}", "true" }) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000)) { process.Kill(true); failure = "it did not finish in 10 s"; return false; }
            if (process.ExitCode == 0) return true;
            failure = error.Result.Trim();
            return false;
        }
        catch (Exception e)
        {
            failure = e.Message;
            return false;
        }
    }
}
