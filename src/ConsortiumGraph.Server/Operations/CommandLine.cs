namespace ConsortiumGraph.Operations;

/// <summary>What the server's commands share about their arguments.</summary>
public static class CommandLine
{
    /// <summary>
    /// A path as the caller meant it: <c>dotnet run --project</c> starts the server in the project's folder,
    /// so a relative path that names nothing there is the shell's (PWD).
    /// </summary>
    public static string CallersPath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path)) return Path.GetFullPath(path);
        return Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell ? Path.GetFullPath(path, shell) : Path.GetFullPath(path);
    }
}
