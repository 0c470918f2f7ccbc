using System.Diagnostics;

namespace ConsortiumGraph.Bench;

/// <summary>A tool the benchmark runs to completion (the server's import command, PostgreSQL's initdb and pg_ctl).</summary>
public static class ChildProcess
{
    /// <summary>Runs <paramref name="file"/> and returns its standard output; a non-zero exit throws with its standard error.</summary>
    public static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await error}{await output}");
        await error;
        return await output;
    }
}
