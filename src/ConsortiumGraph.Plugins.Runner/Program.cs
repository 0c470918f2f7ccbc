using ConsortiumGraph.Plugins.Runner.Protocol;

namespace ConsortiumGraph.Plugins.Runner;

/// <summary>
/// <c>dotnet ConsortiumGraph.Plugins.Runner.dll PLUGIN_FOLDER</c>: runs one district plugin for the
/// server that started it, answering its calls on stdin/stdout until stdin closes. Standard output is
/// the protocol's, so whatever plugin code writes to the console goes to standard error.
/// </summary>
public static class RunnerProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not [var folder])
        {
            await Console.Error.WriteLineAsync("usage: ConsortiumGraph.Plugins.Runner <plugin folder>");
            return 2;
        }
        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        var channel = new RunnerChannel(input, output);
        var plugin = new RunnerPlugin(folder, channel);
        await channel.RunAsync(plugin.HandleAsync);
        return 0;
    }
}
