using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQLParser.AST;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Caching.Memory;

namespace ConsortiumGraph.Graph;

public sealed class DocumentCacheOptions
{
    /// <summary>How many distinct documents to keep parsed and validated; 0 turns the cache off.</summary>
    public int MaxDocuments { get; set; } = 1000;
    /// <summary>A document unused this long is dropped.</summary>
    public TimeSpan Unused { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>
/// Parsed and validated documents, by schema and text: a front end sends the same few operations again
/// and again, and each repeat skips parsing and the document-only validation rules. Rules that depend
/// on the caller or the variables (field access, complexity) are in
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> and run on every request. Only documents
/// that passed validation are kept; a new plugin set is a new schema, so its documents are validated anew.
/// </summary>
public sealed class DocumentCache(DocumentCacheOptions options) : IConfigureExecution, IDisposable
{
    // Weak on the schema: a schema replaced by a plugin reload, and its plugins' load contexts, must be free to go.
    private readonly ConditionalWeakTable<ISchema, MemoryCache> _bySchema = new();
    private long _hits, _misses;

    /// <summary>Operations served from the cache, and operations parsed and validated, since start.</summary>
    public (long Hits, long Misses) Counts => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    // After persisted documents have turned a documentId into text; before the executer parses.
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        // A document parsed already (GET requests are, to refuse mutations) is the same text's: it is cached the same way.
        if (options.MaxDocuments == 0 || execution.Query is null || execution.Schema is null)
            return await next(execution);
        var documents = _bySchema.GetValue(execution.Schema, _ => new MemoryCache(new MemoryCacheOptions { SizeLimit = options.MaxDocuments }));
        var key = execution.Query;
        if (documents.TryGetValue(key, out GraphQLDocument? document))
        {
            Interlocked.Increment(ref _hits);
            Operations.Telemetry.DocumentCache.Add(1, new KeyValuePair<string, object?>("hit", true));
            execution.Document = document;
            execution.ValidationRules = execution.CachedDocumentValidationRules ?? [];
            return await next(execution);
        }
        Interlocked.Increment(ref _misses);
        Operations.Telemetry.DocumentCache.Add(1, new KeyValuePair<string, object?>("hit", false));
        // Parsed here so the validated document can be kept; a syntax error is left for the executer to report.
        try { execution.Document ??= GraphQLParser.Parser.Parse(execution.Query); }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException) { return await next(execution); }
        var result = await next(execution);
        // Executed means every validation rule passed.
        if (result.Executed)
            documents.Set(key, execution.Document, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = options.Unused });
        return result;
    }

    public void Dispose()
    {
        foreach (var (_, documents) in _bySchema) documents.Dispose();
    }
}
