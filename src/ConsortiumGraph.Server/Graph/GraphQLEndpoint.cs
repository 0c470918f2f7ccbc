using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
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
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, string path)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var request = http.Request;

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
            try
            {
                graphQLRequest = await serializer.ReadAsync<GraphQLRequest>(request.Body, http.RequestAborted);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
            {
                await FailAsync(http, serializer, responseType, StatusCodes.Status400BadRequest, "INVALID_JSON",
                    "The body is not a GraphQL request: a JSON object with `query` (a string), and optionally `operationName` (a string), `variables` and `extensions` (objects).");
                return;
            }
        }

        if (string.IsNullOrWhiteSpace(graphQLRequest?.Query))
        {
            await FailAsync(http, serializer, responseType, StatusCodes.Status400BadRequest, "QUERY_MISSING", "The request has no `query`.");
            return;
        }

        GraphQLDocument? document = null;
        if (HttpMethods.IsGet(request.Method))
        {
            // GET must never change data; reject mutations before anything runs.
            try { document = Parser.Parse(graphQLRequest.Query); }
            catch (GraphQLSyntaxErrorException) { /* the executer reports the syntax error */ }
            if (document is not null && SelectedOperation(document, graphQLRequest.OperationName) is { Operation: not OperationType.Query })
            {
                http.Response.Headers.Allow = "POST";
                await FailAsync(http, serializer, responseType, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Send mutations with POST; GET runs queries only.");
                return;
            }
        }

        var result = await http.RequestServices.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = http.RequestServices.GetRequiredService<PluginHost.LiveSchema>().Schema,
            Query = graphQLRequest.Query,
            Document = document,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables,
            Extensions = graphQLRequest.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
        });

        http.Response.StatusCode = responseType == GraphQLResponse && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        http.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
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

    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? name)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return string.IsNullOrEmpty(name)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.Value == name);
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
