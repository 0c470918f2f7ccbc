using ConsortiumGraph.PluginHost;

namespace ConsortiumGraph.Tests;

/// <summary>What the sandbox shows a runner of its own folder: its files and every assembly its dependency manifest names.</summary>
public sealed class PluginRunnerFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("consortiumgraph-runner-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    // dotnet build and a portable publish: one target.
    [InlineData("""{ ".NETCoreApp,Version=v10.0": { RUNNER } }""")]
    // dotnet publish -r linux-x64 (ReadyToRun needs it): an empty portable target first, then the runtime's. Only the first was read,
    // so the runner started without the SDK and every plugin was rejected (FileNotFoundException: ConsortiumGraph.Plugins.Sdk).
    [InlineData("""{ ".NETCoreApp,Version=v10.0": {}, ".NETCoreApp,Version=v10.0/linux-x64": { RUNNER } }""")]
    public void The_runner_sees_the_sdk_and_its_dependencies_whatever_the_build_targets(string targets)
    {
        const string runner = """
            "ConsortiumGraph.Plugins.Runner/1.0.0": { "runtime": { "ConsortiumGraph.Plugins.Runner.dll": {} } },
            "McMaster.NETCore.Plugins/2.0.0": { "runtime": { "lib/net8.0/McMaster.NETCore.Plugins.dll": {} } },
            "ConsortiumGraph.Plugins.Sdk/1.3.0": { "runtime": { "ConsortiumGraph.Plugins.Sdk.dll": {} } },
            "Absent/1.0.0": { "runtime": { "lib/Absent.dll": {} } }
            """;
        File.WriteAllText(Path.Combine(_folder, "ConsortiumGraph.Plugins.Runner.deps.json"), $$"""{ "targets": {{targets.Replace("RUNNER", runner)}} }""");
        foreach (var file in new[] { "ConsortiumGraph.Plugins.Runner.dll", "ConsortiumGraph.Plugins.Runner.runtimeconfig.json", "McMaster.NETCore.Plugins.dll", "ConsortiumGraph.Plugins.Sdk.dll" })
            File.WriteAllText(Path.Combine(_folder, file), "");

        var files = PluginSandbox.RunnerFiles(_folder);

        Assert.Equal(["ConsortiumGraph.Plugins.Runner.dll", "ConsortiumGraph.Plugins.Runner.runtimeconfig.json", "ConsortiumGraph.Plugins.Runner.deps.json",
            "McMaster.NETCore.Plugins.dll", "ConsortiumGraph.Plugins.Sdk.dll"], files);
    }
}
