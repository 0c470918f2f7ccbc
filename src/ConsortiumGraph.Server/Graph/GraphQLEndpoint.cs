using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;

namespace ConsortiumGraph.Graph;

/// <summary>
/// GraphQL over HTTP (the graphql-over-http spec): POST with application/json, GET for queries only,
/// application/graphql-response+json with the spec's status codes when the client accepts it, and
/// application/json (always 200 once the request is understood) for older clients.
/// </summary>
public static class GraphQLEndpoint
{
    public const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    public static IEndpointRouteBuilder MapConsortiumGraph(this IEndpointRouteBuilder endpoints, string path = "/graphql")
    {
        endpoints.Map(path, (HttpContext http) => HandleAsync(http, path));
        endpoints.MapGet(path + "/ui", () => Ide.Page(path));
        // A new user who opens the server's address lands in the IDE.
        endpoints.MapGet("/", () => Results.Redirect(path));
        endpoints.MapGet("/favicon.ico", () => Results.Text(Ide.Icon, "image/svg+xml"));
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, string path)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var limits = http.RequestServices.GetRequiredService<Access.RequestLimits>();
        var request = http.Request;

        if (http.WebSockets.IsWebSocketRequest)
        {
            await Events.GraphQLWebSocket.AcceptAsync(http);
            return;
        }
        if (Access.Authentication.PresentedInvalidCredentials(http))
        {
            await FailAsync(http, serializer, Json, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                "The credentials sent are malformed, expired, revoked or not signed by a trusted key, or both a bearer token and an API key were sent. Send one valid credential, or none for public data.");
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await FailAsync(http, serializer, Json, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Use GET (queries) or POST.");
            return;
        }
        if (HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query") && AcceptsHtml(request))
        {
            await Ide.Page(path).ExecuteAsync(http);
            return;
        }

        var responseType = Negotiate(request);
        if (responseType is null)
        {
            await FailAsync(http, serializer, Json, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"The server answers with {GraphQLResponse} or {Json}; the Accept header allows neither.");
            return;
        }

        GraphQLRequest? graphQLRequest;
        if (HttpMethods.IsGet(request.Method))
        {
            graphQLRequest = ReadQueryString(request, serializer, out var problem);
            if (problem is not null)
            {
                await FailAsync(http, serializer, responseType, StatusCodes.Status400BadRequest, "INVALID_REQUEST", problem);
                return;
            }
        }
        else if (MultipartRequest.Is(request))
        {
            // Files only from a known caller: an anonymous caller can change nothing, so it has nothing to upload.
            if (http.User.Identity?.IsAuthenticated != true)
            {
                await FailAsync(http, serializer, responseType, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "Uploads need a bearer token or API key.");
                return;
            }
            var (read, problem) = await MultipartRequest.ReadAsync(http, serializer, limits);
            if (problem is not null)
            {
                await FailAsync(http, serializer, responseType, problem.Status, problem.Code, problem.Message);
                return;
            }
            graphQLRequest = read;
        }
        else
        {
            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
            {
                await FailAsync(http, serializer, responseType, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                    $"POST a JSON body with Content-Type: {Json}.");
                return;
            }
            if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                await FailAsync(http, serializer, responseType, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "Request bodies must be UTF-8.");
                return;
            }
            if (request.ContentLength > limits.MaxBodyBytes || await ReadLimitedAsync(request, limits.MaxBodyBytes, http.RequestAborted) is not { } body)
            {
                await FailAsync(http, serializer, responseType, StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE",
                    $"The request body is larger than {limits.MaxBodyBytes} bytes.");
                return;
            }
            try
            {
                graphQLRequest = serializer.Deserialize<GraphQLRequest>(Encoding.UTF8.GetString(body));
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
            {
                await FailAsync(http, serializer, responseType, StatusCodes.Status400BadRequest, "INVALID_JSON",
                    "The body is not a GraphQL request: a JSON object with `query` (a string), and optionally `operationName` (a string), `variables` and `extensions` (objects).");
                return;
            }
        }

        if (graphQLRequest is null || (string.IsNullOrWhiteSpace(graphQLRequest.Query) && string.IsNullOrWhiteSpace(graphQLRequest.DocumentId)))
        {
            await FailAsync(http, serializer, responseType, StatusCodes.Status400BadRequest, "QUERY_MISSING", "The request has no `query` (nor a persisted `documentId`).");
            return;
        }
        var (result, refused) = await http.RequestServices.GetRequiredService<GraphQLExecution>().ExecuteAsync(graphQLRequest,
            new GraphQLCall(http.RequestServices, http.User, "http", QueriesOnly: HttpMethods.IsGet(request.Method), Root: null, http.RequestAborted));
        if (refused == StatusCodes.Status405MethodNotAllowed) http.Response.Headers.Allow = "POST";
        http.Response.StatusCode = refused ?? (responseType == GraphQLResponse && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        http.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static GraphQLRequest ReadQueryString(HttpRequest request, IGraphQLTextSerializer serializer, out string? problem)
    {
        problem = null;
        var parsed = new GraphQLRequest { Query = request.Query["query"], OperationName = request.Query["operationName"] };
        try
        {
            if (request.Query["variables"] is { Count: > 0 } variables && !string.IsNullOrEmpty(variables))
                parsed.Variables = serializer.Deserialize<Inputs>(variables!);
            if (request.Query["extensions"] is { Count: > 0 } extensions && !string.IsNullOrEmpty(extensions))
                parsed.Extensions = serializer.Deserialize<Inputs>(extensions!);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            problem = "`variables` and `extensions` must be URL-encoded JSON objects.";
        }
        return parsed;
    }

    /// <summary>The response type for the Accept header; none given means application/json, as older clients expect.</summary>
    private static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return Json;
        foreach (var type in accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1))
        {
            if (type.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase)) return GraphQLResponse;
            if (type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("*/*", StringComparison.Ordinal)
                || type.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
                return Json;
        }
        return null;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static async Task FailAsync(HttpContext http, IGraphQLTextSerializer serializer, string responseType, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = responseType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
