using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Operations;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Districts.Import;

/// <summary>
/// <c>import ccd --lea FILE [--schools FILE] [--membership FILE] [--geocodes FILE] [--dry-run]</c>: loads the
/// federal directory from the operator's machine, audited as the command line. Prints the counts, then each
/// rejected row with its line and reason; exits 1 when a file has a structural error (nothing was kept).
/// </summary>
public static class ImportCommand
{
    public const string Usage = "usage: ConsortiumGraph.Server import ccd --lea FILE [--schools FILE] [--membership FILE] [--geocodes FILE] [--dry-run] [--Setting=value ...]";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null;
        if (args is not ["import", "ccd", ..] || Option("--lea") is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        CcdFile? File(string option, string kind)
        {
            if (Option(option) is not { } given) return null;
            var path = CommandLine.CallersPath(given);
            return System.IO.File.Exists(path) ? new CcdFile(kind, Path.GetFileName(path), () => System.IO.File.OpenRead(path))
                : throw new FileNotFoundException($"{given}: no such file.");
        }
        CcdImport.Files files;
        try
        {
            files = new CcdImport.Files(File("--lea", "lea")!, File("--schools", "schools"), File("--membership", "membership"), File("--geocodes", "geocodes"));
        }
        catch (FileNotFoundException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        await app.Services.InitializeDatabaseAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var caller = new Caller(Roles.PlatformAdmin, $"command line ({Environment.UserName}@{Environment.MachineName})", new HashSet<int>(), [], [], null, []);
        DirectoryImport result;
        try
        {
            result = await CcdImport.RunAsync(db, files, caller, "import ccd (command line)", now, args.Contains("--dry-run"), CancellationToken.None);
        }
        catch (CcdFileException e)
        {
            await Console.Error.WriteLineAsync($"Nothing was imported. {e.Message}");
            return 1;
        }
        await Console.Out.WriteLineAsync($"{(result.DryRun ? "dry run (nothing kept): " : "")}districts: {Counts(result.Districts)}");
        if (files.Schools is not null) await Console.Out.WriteLineAsync($"{(result.DryRun ? "dry run (nothing kept): " : "")}schools: {Counts(result.Schools)}");
        await Console.Out.WriteLineAsync($"{result.RowsRead} rows read in {result.Seconds:0.0} s ({result.RowsPerSecond:0} rows/s); peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        foreach (var row in result.RejectedRows)
            await Console.Out.WriteLineAsync($"rejected {row.File} line {row.Line}{(row.Id is null ? "" : $" ({row.Id})")}: {row.Reason}");
        return 0;
    }

    private static string Counts(ImportCounts c) => $"{c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged, {c.Rejected} rejected";
}
