using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Authentication;

namespace ConsortiumGraph.Events;

/// <summary><c>Subscriptions:*</c>: how many WebSocket connections the instance takes, and subscriptions each.</summary>
public sealed class SubscriptionOptions
{
    public int MaxConnections { get; set; } = 1000;
    public int MaxSubscriptionsPerConnection { get; set; } = 50;
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// GraphQL over WebSocket with the graphql-transport-ws protocol (the graphql-ws npm client's): the
/// connection authenticates in connection_init (an Authorization or X-Api-Key entry in its payload,
/// like the HTTP headers), then each subscribe runs its document once per event, in a request scope of
/// its own, as the connection's caller. Queries and mutations sent as subscribe answer once and complete.
/// </summary>
public sealed class GraphQLWebSocket
{
    public const string Protocol = "graphql-transport-ws";
    private static int _connections;

    private readonly HttpContext _http;
    private readonly WebSocket _socket;
    private readonly SubscriptionOptions _options;
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, IDisposable> _subscriptions = new();
    private readonly CancellationTokenSource _closing;
    private bool _acknowledged;

    private GraphQLWebSocket(HttpContext http, WebSocket socket, SubscriptionOptions options)
    {
        (_http, _socket, _options) = (http, socket, options);
        _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    }

    public static async Task AcceptAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<SubscriptionOptions>();
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"Use the {Protocol} subprotocol.");
            return;
        }
        if (Interlocked.Increment(ref _connections) > options.MaxConnections)
        {
            Interlocked.Decrement(ref _connections);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await http.Response.WriteAsync("Too many WebSocket connections to this instance; retry later.");
            return;
        }
        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync(Protocol);
            await new GraphQLWebSocket(http, socket, options).RunAsync();
        }
        finally
        {
            Interlocked.Decrement(ref _connections);
        }
    }

    private async Task RunAsync()
    {
        var sending = SendLoopAsync();
        using var initTimeout = new CancellationTokenSource(_options.ConnectionInitTimeout);
        initTimeout.Token.Register(() => { if (!_acknowledged) _ = CloseAsync(4408, "Connection initialisation timeout"); });
        try
        {
            while (_socket.State == WebSocketState.Open && await ReceiveAsync() is { } text)
                await HandleAsync(text);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { /* the client went away */ }
        finally
        {
            foreach (var subscription in _subscriptions.Values) subscription.Dispose();
            // Answer the client's close frame, completing the closing handshake.
            if (_socket.State == WebSocketState.CloseReceived) await CloseAsync((int)WebSocketCloseStatus.NormalClosure, "Bye");
            _outbox.Writer.TryComplete();
            await _closing.CancelAsync();
            await sending;
        }
    }

    private async Task HandleAsync(string text)
    {
        JsonElement message;
        try { message = JsonDocument.Parse(text).RootElement; }
        catch (JsonException) { await CloseAsync(4400, "Invalid message: not JSON"); return; }
        var type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) ? t.GetString() : null;
        var id = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        switch (type)
        {
            case "connection_init":
                if (_acknowledged) { await CloseAsync(4429, "Too many initialisation requests"); return; }
                if (!await AuthenticateAsync(message)) { await CloseAsync(4403, "Forbidden: the credentials in connection_init did not verify"); return; }
                _acknowledged = true;
                Send(new { type = "connection_ack" });
                break;
            case "ping":
                Send(new { type = "pong" });
                break;
            case "pong":
                break;
            case "subscribe" when id is not null && message.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object:
                if (!_acknowledged) { await CloseAsync(4401, "Unauthorized: send connection_init first"); return; }
                if (_subscriptions.ContainsKey(id)) { await CloseAsync(4409, $"Subscriber for {id} already exists"); return; }
                await SubscribeAsync(id, payload);
                break;
            case "complete" when id is not null:
                if (_subscriptions.TryRemove(id, out var subscription)) subscription.Dispose();
                break;
            default:
                await CloseAsync(4400, $"Invalid message type {type ?? "(none)"}");
                break;
        }
    }

    /// <summary>
    /// The payload's Authorization / X-Api-Key entries authenticate exactly as the HTTP headers do: on a
    /// fresh context and scope, because the upgrade request's own authentication result is cached.
    /// </summary>
    private async Task<bool> AuthenticateAsync(JsonElement message)
    {
        var payload = message.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        string? Entry(string name) => payload.ValueKind == JsonValueKind.Object
            ? payload.EnumerateObject().FirstOrDefault(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null
            : null;
        var authorization = Entry("Authorization");
        var apiKey = Entry(Authentication.ApiKeyHeader);
        if (authorization is null && apiKey is null)
        {
            _http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            return true; // anonymous, as over HTTP
        }
        await using var scope = _http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var check = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (authorization is not null) check.Request.Headers.Authorization = authorization;
        if (apiKey is not null) check.Request.Headers[Authentication.ApiKeyHeader] = apiKey;
        var result = await check.AuthenticateAsync();
        if (!result.Succeeded) return false;
        _http.User = result.Principal!;
        return true;
    }

    private async Task SubscribeAsync(string id, JsonElement payload)
    {
        var serializer = _http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        GraphQLRequest? request;
        try { request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText()); }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException) { request = null; }
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            Send(new { id, type = "error", payload = new[] { new { message = "The payload has no `query`.", extensions = new { code = "QUERY_MISSING" } } } });
            return;
        }
        if (_subscriptions.Count >= _options.MaxSubscriptionsPerConnection)
        {
            Send(new { id, type = "error", payload = new[] { new { message = $"At most {_options.MaxSubscriptionsPerConnection} subscriptions per connection.", extensions = new { code = "TOO_MANY_SUBSCRIPTIONS" } } } });
            return;
        }

        // Run once with no event: validates the document (access included) and answers queries and mutations.
        var first = await ExecuteAsync(request, root: null);
        if (!first.Executed)
        {
            Send(new { id, type = "error", payload = JsonDocument.Parse(serializer.Serialize(first)).RootElement.GetProperty("errors") });
            return;
        }
        if (first.Operation?.Operation != GraphQLParser.AST.OperationType.Subscription)
        {
            SendResult(id, first, serializer);
            Send(new { id, type = "complete" });
            return;
        }

        var events = Channel.CreateUnbounded<ConsortiumEvent>(new UnboundedChannelOptions { SingleReader = true });
        var hub = _http.RequestServices.GetRequiredService<EventHub>();
        var registration = hub.Subscribe(e => events.Writer.TryWrite(e));
        _subscriptions[id] = new Unsubscriber(() => { registration.Dispose(); events.Writer.TryComplete(); });
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in events.Reader.ReadAllAsync(_closing.Token))
                {
                    var result = await ExecuteAsync(request, e);
                    // The field is null for events of other kinds, other filters, or rows the subscriber may not read.
                    if (result.Errors is { Count: > 0 } || (result.Data is GraphQL.Execution.RootExecutionNode root && root.SubFields?.Any(f => f.ToValue() is not null) == true))
                        SendResult(id, result, serializer);
                }
            }
            catch (OperationCanceledException) { /* connection closed */ }
        });
    }

    private async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, ConsortiumEvent? root)
    {
        // A request scope per event: its loaders, caller and database contexts see the data as it is now.
        await using var scope = _http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = services.GetRequiredService<PluginHost.LiveSchema>().Schema,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            Root = root,
            RequestServices = services,
            User = _http.User,
            CancellationToken = _closing.Token,
        });
    }

    private void SendResult(string id, ExecutionResult result, IGraphQLTextSerializer serializer) =>
        _outbox.Writer.TryWrite($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"next\",\"payload\":{serializer.Serialize(result)}}}");

    private void Send(object message) => _outbox.Writer.TryWrite(JsonSerializer.Serialize(message));

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var text in _outbox.Reader.ReadAllAsync(_closing.Token))
                await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, _closing.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { /* closed */ }
    }

    private async Task<string?> ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, _closing.Token);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, received.Count);
            if (message.Length > 256 * 1024) { await CloseAsync(4400, "Message too large"); return null; }
            if (received.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (WebSocketException) { /* already gone */ }
        await _closing.CancelAsync();
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
