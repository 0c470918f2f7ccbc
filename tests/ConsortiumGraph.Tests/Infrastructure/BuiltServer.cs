using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>The built server as operators run it: its own process on a free loopback port, for clients outside .NET (Node, a browser).</summary>
public sealed class BuiltServer : IAsyncDisposable
{
    private readonly Process _process;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    private BuiltServer(Process process, int port)
    {
        (_process, Port) = (process, port);
        // Read what the server prints as it prints it (a full pipe would stall it), and keep it for tests.
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) _log.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) _log.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }
    /// <summary>What the server has printed so far (its console log), standard output and error together.</summary>
    public IReadOnlyList<string> Log => [.. _log];
    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts the server with these settings (--Key=value) and waits until /health/live answers.</summary>
    public static async Task<BuiltServer> StartAsync(IReadOnlyDictionary<string, string>? environment, params string[] settings)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        var server = new BuiltServer(Run("dotnet", AppContext.BaseDirectory, environment,
            [Path.Combine(AppContext.BaseDirectory, "ConsortiumGraph.Server.dll"), "--urls", $"http://127.0.0.1:{port}", .. settings]), port);
        using var http = new HttpClient { BaseAddress = server.Address };
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(500);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException("The built server did not start within a minute.");
    }

    /// <summary>Starts a process with its output captured.</summary>
    public static Process Run(string file, string folder, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return Process.Start(start)!;
    }

    /// <summary>Runs a command to its end (three minutes at most), asserts it succeeded, and returns what it printed.</summary>
    public static async Task<(string Output, string Error)> RunToEndAsync(string file, string folder, params string[] arguments)
    {
        using var process = Run(file, folder, null, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await error}");
        return (await output, await error);
    }

    /// <summary>Runs <c>npm ci</c> in a folder of the repository holding a package-lock.json.</summary>
    public static Task NpmCiAsync(string folder) => RunToEndAsync("npm", folder, "ci", "--no-audit", "--no-fund", "--loglevel=error");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
