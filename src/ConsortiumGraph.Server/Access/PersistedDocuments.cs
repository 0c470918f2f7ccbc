using System.Security.Cryptography;
using System.Text;

namespace ConsortiumGraph.Access;

/// <summary>
/// <c>GraphQL:PersistedDocuments:*</c>: trusted documents (e.g. funders' report queries), one
/// <c>.graphql</c> file each, requested as <c>documentId: "sha256:&lt;hash of the file&gt;"</c>.
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
    }

    public IReadOnlyDictionary<string, string> Documents => _documents;

    /// <summary>The document id of a query text: sha256 of its UTF-8 bytes, as the GraphQL-over-HTTP persisted documents appendix defines it.</summary>
    public static string Id(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public string? Find(string? prefix, string payload) => prefix == "sha256" && _documents.TryGetValue("sha256:" + payload, out var text) ? text : null;
}
