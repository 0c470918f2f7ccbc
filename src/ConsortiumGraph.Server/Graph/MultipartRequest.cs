using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ConsortiumGraph.Graph;

/// <summary>
/// Reads a request in the GraphQL multipart request spec: the <c>operations</c> field, the <c>map</c> field,
/// then the file parts, each spooled to a temporary file (deleted when the response ends) and put in the
/// variables at the paths the map names. Bounded: GraphQL:Limits:MaxUploadBytes in all, 10 files.
/// </summary>
public static class MultipartRequest
{
    private const int MaxFiles = 10;

    public sealed record Problem(int Status, string Code, string Message);

    public static bool Is(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    public static async Task<(GraphQLRequest? Request, Problem? Problem)> ReadAsync(HttpContext http, IGraphQLTextSerializer serializer, Access.RequestLimits limits)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(http.Request.ContentType).Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return (null, Invalid("The multipart body has no boundary."));
        var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = limits.MaxUploadBytes };
        string? operations = null, map = null;
        Dictionary<string, List<string>>? paths = null;
        var files = new Dictionary<string, UploadedFile>();
        long total = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    return (null, Invalid("Every part must be form data with a name."));
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (operations is null || map is null)
                {
                    // The spec's order: operations, then map, then the files.
                    using var text = new StreamReader(section.Body);
                    var value = await ReadBoundedAsync(text, limits.MaxBodyBytes);
                    if (value is null) return (null, new Problem(StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE", $"The `{name}` field is larger than {limits.MaxBodyBytes} bytes."));
                    if (name == "operations" && operations is null) operations = value;
                    else if (name == "map" && operations is not null) map = value;
                    else return (null, Invalid("The multipart fields come in the spec's order: `operations`, then `map`, then the files."));
                    continue;
                }
                paths ??= ParseMap(map);
                if (paths is null) return (null, Invalid("`map` must be a JSON object of file field names to lists of variable paths (\"variables.input.lea\")."));
                if (!paths.ContainsKey(name) || files.ContainsKey(name)) return (null, Invalid($"The file part `{name}` is not in `map`, or is sent twice."));
                if (files.Count == MaxFiles) return (null, Invalid($"At most {MaxFiles} files per request."));
                var path = Path.Combine(Path.GetTempPath(), $"consortiumgraph-upload-{Guid.NewGuid():N}");
                http.Response.RegisterForDispose(new TemporaryFile(path));
                long length;
                // The reader bounds each part; the request's files are bounded together, as they are spooled.
                await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                    length = await CopyBoundedAsync(section.Body, target, limits.MaxUploadBytes - total, http.RequestAborted);
                if (length < 0)
                    return (null, new Problem(StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE", $"The uploads are larger than {limits.MaxUploadBytes} bytes in all."));
                total += length;
                files[name] = new UploadedFile(HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? name, section.ContentType, path, length);
            }
        }
        catch (InvalidDataException)
        {
            return (null, new Problem(StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE", $"The uploads are larger than {limits.MaxUploadBytes} bytes in all, or the multipart body is malformed."));
        }
        if (operations is null || map is null) return (null, Invalid("A multipart GraphQL request has an `operations` field and a `map` field."));
        paths ??= ParseMap(map);
        if (paths is null) return (null, Invalid("`map` must be a JSON object of file field names to lists of variable paths."));
        if (paths.Keys.FirstOrDefault(k => !files.ContainsKey(k)) is { } absent) return (null, Invalid($"`map` names the file part `{absent}`, which the request does not have."));

        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(operations);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            return (null, new Problem(StatusCodes.Status400BadRequest, "INVALID_JSON", "`operations` is not a GraphQL request (batches are not supported)."));
        }
        if (request is null) return (null, Invalid("`operations` is empty."));
        var variables = request.Variables?.ToDictionary(v => v.Key, v => v.Value) ?? [];
        foreach (var (field, targets) in paths)
            foreach (var target in targets)
                if (!Place(variables, target, files[field]))
                    return (null, Invalid($"`map` puts `{field}` at `{target}`, which is not a null variable of the request."));
        request.Variables = new Inputs(variables);
        return (request, null);
    }

    private static Problem Invalid(string message) => new(StatusCodes.Status400BadRequest, "INVALID_MULTIPART", message);

    private static Dictionary<string, List<string>>? ParseMap(string map)
    {
        try
        {
            return JsonNode.Parse(map) is JsonObject o && o.All(p => p.Value is JsonArray a && a.All(x => x?.GetValueKind() == System.Text.Json.JsonValueKind.String))
                ? o.ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(x => x!.GetValue<string>()).ToList())
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Sets the value at a path such as <c>variables.input.lea</c> or <c>variables.files.0</c>, where the request has null.</summary>
    private static bool Place(Dictionary<string, object?> variables, string path, UploadedFile file)
    {
        var segments = path.Split('.');
        if (segments.Length < 2 || segments[0] != "variables") return false;
        object? current = variables;
        for (var i = 1; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (current)
            {
                case IDictionary<string, object?> d when d.TryGetValue(segments[i], out var next):
                    if (last) { if (next is not null) return false; d[segments[i]] = file; return true; }
                    current = next;
                    break;
                case IList<object?> l when int.TryParse(segments[i], out var k) && k >= 0 && k < l.Count:
                    if (last) { if (l[k] is not null) return false; l[k] = file; return true; }
                    current = l[k];
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>Copies at most <paramref name="budget"/> bytes; -1 when the source has more.</summary>
    private static async Task<long> CopyBoundedAsync(Stream source, Stream target, long budget, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            copied += read;
            if (copied > budget) return -1;
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return copied;
    }

    private static async Task<string?> ReadBoundedAsync(StreamReader reader, int limit)
    {
        var buffer = new char[8192];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            if (text.Length + read > limit) return null;
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }

    private sealed class TemporaryFile(string path) : IDisposable
    {
        public void Dispose()
        {
            try { File.Delete(path); }
            catch (IOException) { } // still open by a reader the request abandoned; the temp folder's cleanup takes it
        }
    }
}
