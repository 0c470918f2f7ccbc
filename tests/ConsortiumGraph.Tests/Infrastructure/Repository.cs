namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from (the committed contracts, the template, the SDK).</summary>
public static class Repository
{
    public static readonly string Root = Find();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "ConsortiumGraph.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ConsortiumGraph.sln not found above the test output.");
    }
}
