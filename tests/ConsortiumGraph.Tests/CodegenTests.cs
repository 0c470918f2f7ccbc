using System.Net;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>
/// graphql-codegen, the npm CLI front-end teams run, generates TypeScript types from the running server's URL (its
/// introspection), and its client preset's persisted-documents manifest is what the server accepts as trusted documents.
/// </summary>
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
            var client = Path.Combine(folder, "gql") + Path.DirectorySeparatorChar;
            using var process = BuiltServer.Run("npx", codegen, new Dictionary<string, string>
            {
                ["CONSORTIUMGRAPH_URL"] = new Uri(server.Address, "/graphql").ToString(), ["CONSORTIUMGRAPH_TYPES"] = types, ["CONSORTIUMGRAPH_CLIENT"] = client,
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

            // The front end's trusted documents: the manifest goes into the server's PersistedDocuments folder as the build wrote it.
            var manifest = Path.Combine(client, "persisted-documents.json");
            var documents = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(manifest))!;
            Assert.Equal(2, documents.Count);
            var trusted = Directory.CreateDirectory(Path.Combine(folder, "trusted")).FullName;
            File.Copy(manifest, Path.Combine(trusted, "persisted-documents.json"));
            await using var locked = await BuiltServer.StartAsync(null, $"--ConnectionStrings:Consortium=Data Source={Path.Combine(folder, "codegen.db")}",
                $"--GraphQL:PersistedDocuments:Path={trusted}", "--GraphQL:PersistedDocuments:OnlyPersisted=true");
            using var http = new HttpClient { BaseAddress = locked.Address };
            async Task<JsonElement> Send(object body) => JsonDocument.Parse(await (await http.PostAsync("/graphql",
                new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync()).RootElement.Clone();
            var directory = documents.Single(d => d.Value.Contains("query ConsortiumDirectory", StringComparison.Ordinal)).Key;
            foreach (var id in new[] { directory, directory.StartsWith("sha256:", StringComparison.Ordinal) ? directory : "sha256:" + directory })
            {
                var answer = await Send(new { documentId = id });
                Assert.True(answer.TryGetProperty("data", out var data), answer.ToString());
                Assert.NotEmpty(data.GetProperty("consortia").EnumerateArray());
            }
            var refused = await Send(new { query = "{ consortia { name } }" });
            Assert.True(refused.TryGetProperty("errors", out _), refused.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
