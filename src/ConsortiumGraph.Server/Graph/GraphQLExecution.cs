using System.Diagnostics;
using System.Security.Claims;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Transport;

namespace ConsortiumGraph.Graph;

/// <summary>One GraphQL call as a transport hands it over: who calls, how, and what it may do.</summary>
/// <param name="Services">The call's request scope: its caller, loaders and database contexts.</param>
/// <param name="Transport"><c>http</c> or <c>websocket</c>, for telemetry.</param>
/// <param name="QueriesOnly">GET: a mutation is refused (METHOD_NOT_ALLOWED) before anything runs.</param>
/// <param name="Root">The event a subscription runs on; null otherwise.</param>
public sealed record GraphQLCall(IServiceProvider Services, ClaimsPrincipal User, string Transport, bool QueriesOnly, object? Root, CancellationToken Aborted);

/// <summary>The result, and the HTTP status of a request refused before or instead of execution (null when it ran).</summary>
public sealed record GraphQLOutcome(ExecutionResult Result, int? RefusedWith)
{
    public static GraphQLOutcome Refused(int status, string code, string message) =>
        new(new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] }, status);
}

/// <summary>
/// The one execution path every transport calls (HTTP, WebSocket, the benchmark host): document length,
/// the parsed-document cache and validation rules (the executer's), persisted documents, the execution
/// timeout, and the operation's span and metrics. A limit or a span added here holds everywhere.
/// </summary>
public sealed class GraphQLExecution(IDocumentExecuter executer, PluginHost.LiveSchema schema, RequestLimits limits)
{
    /// <summary>The <c>ExecutionOptions.UserContext</c> key that tells <see cref="QueriesOnlyRule"/> the call may not change data.</summary>
    public const string QueriesOnlyKey = "consortiumgraph.queriesOnly";

    public async Task<GraphQLOutcome> ExecuteAsync(GraphQLRequest request, GraphQLCall call)
    {
        if (request.Query?.Length > limits.MaxDocumentLength)
            return GraphQLOutcome.Refused(StatusCodes.Status400BadRequest, "DOCUMENT_TOO_LARGE",
                $"The query has {request.Query.Length} characters; at most {limits.MaxDocumentLength} are allowed. Persisted documents have no such limit.");

        using var activity = Operations.Telemetry.Source.StartActivity("graphql " + (request.OperationName ?? "operation"));
        activity?.SetTag("graphql.document.id", request.DocumentId).SetTag("graphql.transport", call.Transport);
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(call.Aborted);
        timeout.CancelAfter(limits.ExecutionTimeout);
        ExecutionResult result;
        // The plugins' runners of this schema stay up until the request is done, even when a reload swaps the schema meanwhile.
        using var lease = schema.Lease();
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = lease.Schema,
                Query = request.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                DocumentId = request.DocumentId,
                Root = call.Root,
                RequestServices = call.Services,
                User = call.User,
                UserContext = new Dictionary<string, object?> { [QueriesOnlyKey] = call.QueriesOnly },
                CancellationToken = timeout.Token,
            });
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !call.Aborted.IsCancellationRequested)
        {
            result = new ExecutionResult();
        }
        // The executer may report the cancellation inside the result rather than throw it.
        if (timeout.IsCancellationRequested && !call.Aborted.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error).SetTag("graphql.outcome", "timeout");
            return GraphQLOutcome.Refused(StatusCodes.Status503ServiceUnavailable, "TIMEOUT",
                $"The request ran longer than {limits.ExecutionTimeout.TotalSeconds:0} seconds and was stopped; nothing it changed was kept unless its mutation had completed. Ask for less.");
        }

        var operationType = result.Operation?.Operation.ToString().ToLowerInvariant() ?? "invalid";
        var outcome = !result.Executed ? "rejected" : result.Errors is { Count: > 0 } ? "errors" : "ok";
        // The document's own name when the request did not give one.
        var operationName = request.OperationName ?? result.Operation?.Name?.StringValue;
        if (activity is not null && operationName is not null) activity.DisplayName = "graphql " + operationName;
        activity?.SetTag("graphql.operation.name", operationName).SetTag("graphql.operation.type", operationType).SetTag("graphql.errors", result.Errors?.Count ?? 0)
            .SetStatus(outcome == "ok" ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        Operations.Telemetry.Operations.Add(1, new("graphql.operation.type", operationType), new("outcome", outcome), new("graphql.transport", call.Transport));
        Operations.Telemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("graphql.operation.type", operationType));
        if (result.Errors?.Any(e => e.Code == QueriesOnlyRule.Code) == true)
            return new GraphQLOutcome(result, StatusCodes.Status405MethodNotAllowed);
        return new GraphQLOutcome(result, null);
    }
}
