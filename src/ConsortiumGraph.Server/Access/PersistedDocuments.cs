using System.Security.Cryptography;
using System.Text;

namespace ConsortiumGraph.Access;

/// <summary>
/// <c>GraphQL:PersistedDocuments:*</c>: trusted documents (e.g. funders' report queries) in a folder: one
/// <c>.graphql</c> file each, requested as <c>documentId: "sha256:&lt;hash of the file&gt;"</c>; and the
/// manifests front-end builds write (<c>.json</c>: an object of document id to document text, as
/// graphql-codegen's client preset writes <c>persisted-documents.json</c>), requested by their ids.
/// With <see cref="OnlyPersisted"/>, the server runs nothing else.
/// </summary>
public sealed class PersistedDocumentOptions
{
    public string Path { get; set; } = "persisted";
    public bool OnlyPersisted { get; set; }
}

/// <summary>The allowlist, read once at start: document id to query text.</summary>
public sealed class PersistedDocumentStore
{
    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);

    public PersistedDocumentStore(PersistedDocumentOptions options, IHostEnvironment environment)
    {
        var folder = System.IO.Path.GetFullPath(options.Path, environment.ContentRootPath);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.GetFiles(folder, "*.graphql", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            _documents[Id(text)] = text;
        }
        foreach (var file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories))
            foreach (var (id, text) in Manifest(file))
            {
                _documents[Id(text)] = text;
                _documents[id] = text; // as the client sends it
            }
    }

    /// <summary>
    /// A manifest's entries, each checked against its text: a SHA-256 (or the client preset's default SHA-1) id that is
    /// not the hash of its document means the manifest was edited by hand or tampered with, and the server refuses to start.
    /// </summary>
    private static IEnumerable<(string Id, string Text)> Manifest(string file)
    {
        Dictionary<string, string>? entries;
        try
        {
            entries = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidOperationException($"{file} is not a persisted-documents manifest (a JSON object of document id to document text): {e.Message}");
        }
        foreach (var (id, text) in entries ?? [])
        {
            var hash = id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;
            var matches = hash.Length switch
            {
                64 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))) == hash.ToLowerInvariant(),
                40 => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text))) == hash.ToLowerInvariant(),
                _ => false,
            };
            if (!matches)
                throw new InvalidOperationException($"{file}: the id {id} is not the SHA-256 (or SHA-1) hash of its document; regenerate the manifest with the front end's build.");
            yield return (id, text);
        }
    }

    public IReadOnlyDictionary<string, string> Documents => _documents;

    /// <summary>The document id of a query text: sha256 of its UTF-8 bytes, as the GraphQL-over-HTTP persisted documents appendix defines it.</summary>
    public static string Id(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The document for an id: <c>sha256:&lt;hash&gt;</c>, or a manifest's own id as the client sends it.</summary>
    public string? Find(string? prefix, string payload) =>
        _documents.TryGetValue(prefix is null ? payload : $"{prefix}:{payload}", out var text) ? text : null;
}
