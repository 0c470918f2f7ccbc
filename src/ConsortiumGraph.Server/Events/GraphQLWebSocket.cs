using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Events;

/// <summary>
/// GraphQL over WebSocket with the graphql-transport-ws protocol (the graphql-ws npm client's): the
/// connection authenticates in connection_init (an Authorization or X-Api-Key entry in its payload,
/// like the HTTP headers), then each subscribe runs its document once per event, in a request scope of
/// its own, as the connection's caller, through the same execution path as HTTP. Queries and mutations
/// sent as subscribe answer once and complete. The connection closes with 4403 when its credential
/// expires or is revoked, and with 1008 when its subscriber falls too far behind.
/// </summary>
public sealed class GraphQLWebSocket
{
    public const string Protocol = "graphql-transport-ws";
    public const int CredentialEnded = 4403, TooSlow = 1008, TryAgainLater = 1013;

    private readonly HttpContext _http;
    private readonly WebSocket _socket;
    private readonly SubscriptionOptions _options;
    private readonly WebSocketConnections _connections;
    private readonly string _address;
    private readonly Channel<string> _outbox;
    private readonly ConcurrentDictionary<string, IDisposable> _subscriptions = new();
    private readonly CancellationTokenSource _closing;
    private WebSocketConnections.Pool _pool = WebSocketConnections.Pool.Pending;
    private bool _acknowledged;
    private DateTimeOffset? _credentialExpires;
    private int? _apiKeyId;
    private IDisposable? _revocations;
    private int _closeOnce;

    private GraphQLWebSocket(HttpContext http, WebSocket socket, SubscriptionOptions options, WebSocketConnections connections, string address)
    {
        (_http, _socket, _options, _connections, _address) = (http, socket, options, connections, address);
        _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        _outbox = Channel.CreateBounded<string>(new BoundedChannelOptions(options.MaxQueuedMessages) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public static async Task AcceptAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<SubscriptionOptions>();
        var connections = http.RequestServices.GetRequiredService<WebSocketConnections>();
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"Use the {Protocol} subprotocol.");
            return;
        }
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!connections.TryOpen(address))
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await http.Response.WriteAsync("Too many WebSocket connections waiting for connection_init; retry later.");
            return;
        }
        var connection = (GraphQLWebSocket?)null;
        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync(Protocol);
            connection = new GraphQLWebSocket(http, socket, options, connections, address);
            await connection.RunAsync();
        }
        finally
        {
            connections.Release(address, connection?._pool ?? WebSocketConnections.Pool.Pending);
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
            _revocations?.Dispose();
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
                if (!await AuthenticateAsync(message)) { await CloseAsync(CredentialEnded, "Forbidden: the credentials in connection_init did not verify"); return; }
                var signedIn = _http.User.Identity?.IsAuthenticated == true;
                var promoted = _connections.TryPromote(_address, signedIn);
                // TryPromote left the pending pool either way: a refused connection holds no slot.
                _pool = !promoted ? WebSocketConnections.Pool.None : signedIn ? WebSocketConnections.Pool.SignedIn : WebSocketConnections.Pool.Anonymous;
                if (!promoted)
                {
                    await CloseAsync(TryAgainLater, signedIn ? "Too many connections to this instance; retry later." : "Too many anonymous connections; sign in, or retry later.");
                    return;
                }
                _acknowledged = true;
                WatchCredential();
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
            _http.User = new ClaimsPrincipal(new ClaimsIdentity());
            return true; // anonymous, as over HTTP
        }
        await using var scope = _http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var check = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (authorization is not null) check.Request.Headers.Authorization = authorization;
        if (apiKey is not null) check.Request.Headers[Authentication.ApiKeyHeader] = apiKey;
        var result = await check.AuthenticateAsync();
        if (Authentication.PresentedInvalidCredentials(authorization is not null, apiKey is not null, result.Principal)) return false;
        _http.User = result.Principal!;
        return true;
    }

    /// <summary>
    /// A connection lives no longer than the credential that opened it: it closes when a token's
    /// <c>exp</c> passes, and when its API key is revoked (announced by the revocation, and checked
    /// again before every delivery).
    /// </summary>
    private void WatchCredential()
    {
        var user = _http.User;
        if (long.TryParse(user.FindFirst("exp")?.Value, out var exp))
        {
            _credentialExpires = DateTimeOffset.FromUnixTimeSeconds(exp) + _http.RequestServices.GetRequiredService<AuthOptions>().ClockSkew;
            var left = _credentialExpires.Value - DateTimeOffset.UtcNow;
            _ = Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, _closing.Token)
                .ContinueWith(_ => CloseAsync(CredentialEnded, "Forbidden: the token expired"), TaskContinuationOptions.OnlyOnRanToCompletion);
        }
        if (int.TryParse(user.FindFirst(ApiKeyHandler.ApiKeyClaim)?.Value, out var key))
        {
            _apiKeyId = key;
            _revocations = _http.RequestServices.GetRequiredService<EventHub>().Subscribe(e =>
            {
                if (e.Kind == ConsortiumEvent.ApiKeyRevoked && e.EntityId == key) _ = CloseAsync(CredentialEnded, "Forbidden: the API key was revoked");
            });
        }
    }

    private async Task<bool> CredentialStillValidAsync(IServiceProvider services)
    {
        if (_credentialExpires is { } expires && DateTimeOffset.UtcNow >= expires) return false;
        if (_apiKeyId is not { } key) return true;
        await using var db = await services.GetRequiredService<IDbContextFactory<Data.ConsortiumDb>>().CreateDbContextAsync(_closing.Token);
        return await db.ApiKeys.AnyAsync(k => k.Id == key && k.RevokedAt == null, _closing.Token);
    }

    private async Task SubscribeAsync(string id, JsonElement payload)
    {
        var serializer = _http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        GraphQLRequest? request;
        try { request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText()); }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException) { request = null; }
        if (string.IsNullOrWhiteSpace(request?.Query) && string.IsNullOrWhiteSpace(request?.DocumentId))
        {
            SendError(id, "QUERY_MISSING", "The payload has no `query` (nor a persisted `documentId`).");
            return;
        }
        if (_subscriptions.Count >= _options.MaxSubscriptionsPerConnection)
        {
            SendError(id, "TOO_MANY_SUBSCRIPTIONS", $"At most {_options.MaxSubscriptionsPerConnection} subscriptions per connection.");
            return;
        }

        // Run once with no event: checks the request's limits and validates the document (access included),
        // and answers queries and mutations.
        var (first, refused) = await ExecuteAsync(request);
        if (refused is not null || !first.Executed)
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

        // Run with every subscriber of the same request and scope, once per event (SubscriptionGroups).
        var membership = _http.RequestServices.GetRequiredService<SubscriptionGroups>().Join(request, new GroupMember(_http.User, async payload =>
        {
            if (await CredentialStillValidAsync(_http.RequestServices))
                Enqueue($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"next\",\"payload\":{payload}}}");
            else
                await CloseAsync(CredentialEnded, "Forbidden: the credential that opened this connection expired or was revoked");
        }, FallenBehind));
        _subscriptions[id] = membership;
    }

    /// <summary>Runs through the execution path every transport shares, with no event: what a subscribe message is answered with first.</summary>
    private async Task<(ExecutionResult Result, int? Refused)> ExecuteAsync(GraphQLRequest request)
    {
        await using var scope = _http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (result, refused) = await services.GetRequiredService<GraphQLExecution>().ExecuteAsync(request,
            new GraphQLCall(services, _http.User, "websocket", QueriesOnly: false, Root: null, _closing.Token));
        return (result, refused);
    }

    private void SendResult(string id, ExecutionResult result, IGraphQLTextSerializer serializer) =>
        Enqueue($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"next\",\"payload\":{serializer.Serialize(result)}}}");

    private void SendError(string id, string code, string message) =>
        Send(new { id, type = "error", payload = new[] { new { message, extensions = new { code } } } });

    private void Send(object message) => Enqueue(JsonSerializer.Serialize(message));

    private void Enqueue(string text)
    {
        if (!_outbox.Writer.TryWrite(text) && !_closing.IsCancellationRequested) FallenBehind();
    }

    /// <summary>
    /// The client reads slower than its subscriptions produce: drop what is queued and close with 1008.
    /// A client that reads nothing cannot receive the close frame either, so the socket is aborted if the
    /// close has not gone out within a few seconds; either way its queues are released.
    /// </summary>
    private void FallenBehind()
    {
        if (Interlocked.Exchange(ref _closeOnce, 1) == 1) return;
        _outbox.Writer.TryComplete();
        while (_outbox.Reader.TryRead(out _)) { }
        foreach (var subscription in _subscriptions.Values) subscription.Dispose();
        _ = Task.Run(async () =>
        {
            var close = _socket.CloseOutputAsync((WebSocketCloseStatus)TooSlow, $"Subscriber too slow: more than {_options.MaxQueuedMessages} messages queued", CancellationToken.None);
            if (await Task.WhenAny(close, Task.Delay(TimeSpan.FromSeconds(5))) != close) _socket.Abort();
            await _closing.CancelAsync();
        });
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var text in _outbox.Reader.ReadAllAsync(_closing.Token))
                await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, _closing.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or InvalidOperationException) { /* closed */ }
    }

    private async Task<string?> ReceiveAsync()
    {
        // A message is at most a request body: the same limit as HTTP's.
        var limit = _http.RequestServices.GetRequiredService<RequestLimits>().MaxBodyBytes;
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, _closing.Token);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, received.Count);
            if (message.Length > limit) { await CloseAsync(4400, $"Message larger than {limit} bytes"); return null; }
            if (received.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closeOnce, 1) == 1) { await _closing.CancelAsync(); return; }
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or ObjectDisposedException) { /* already gone */ }
        await _closing.CancelAsync();
    }
}
