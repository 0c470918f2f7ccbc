using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>graphql-codegen, the npm CLI front-end teams run, generates TypeScript types from the running server's URL (its introspection).</summary>
public sealed class CodegenTests
{
    [Fact]
    public async Task Graphql_codegen_generates_typescript_types_from_the_running_server()
    {
        var codegen = Repository.File("tests", "codegen");
        var folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-codegen-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            await BuiltServer.NpmCiAsync(codegen);
            // As a front end's build sees it: no token, the sample plugins composed in.
            await using var server = await BuiltServer.StartAsync(null, $"--ConnectionStrings:Consortium=Data Source={Path.Combine(folder, "codegen.db")}");
            var types = Path.Combine(folder, "consortium.ts");
            using var process = BuiltServer.Run("npx", codegen, new Dictionary<string, string>
            {
                ["CONSORTIUMGRAPH_URL"] = new Uri(server.Address, "/graphql").ToString(), ["CONSORTIUMGRAPH_TYPES"] = types,
            }, "graphql-codegen", "--config", "codegen.cjs");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
            Assert.True(process.ExitCode == 0, $"graphql-codegen exited {process.ExitCode}:\n{await output}\n{await error}");

            var generated = await File.ReadAllTextAsync(types);
            Assert.Contains("export type Query = {", generated);
            Assert.Contains("export type Mutation = {", generated);
            Assert.Contains("export enum Locale {", generated);
            Assert.Contains("export type MapleRidgeDistrictFields = {", generated); // a plugin's types come with the composed schema
            Assert.Contains("approvePlugin: PluginApprovalPayload;", generated);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
