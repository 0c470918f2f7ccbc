using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Plugins.Testing;

namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>A graphql-transport-ws client over the in-process server's WebSocket.</summary>
public sealed class GraphQLWebSocketClient(WebSocket socket) : IAsyncDisposable
{
    public WebSocket Socket => socket;

    public Task SendAsync(object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<JsonElement?> ReceiveAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage) return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open) await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or WebSocketException or ObjectDisposedException) { /* the server closed first */ }
        socket.Dispose();
    }

    public static async Task<GraphQLWebSocketClient> ConnectAsync(PluginTestHost host, string? token = null, bool init = true)
    {
        var ws = host.Server.CreateWebSocketClient();
        ws.SubProtocols.Add("graphql-transport-ws");
        var client = new GraphQLWebSocketClient(await ws.ConnectAsync(new Uri(host.Server.BaseAddress, "graphql"), CancellationToken.None));
        if (init)
        {
            await client.SendAsync(new { type = "connection_init", payload = token is null ? null : new { Authorization = $"Bearer {token}" } });
            var ack = await client.ReceiveAsync();
            Assert.True(ack is not null, $"closed: {client.Socket.CloseStatus} {client.Socket.CloseStatusDescription}");
            Assert.Equal("connection_ack", ack!.Value.GetProperty("type").GetString());
        }
        return client;
    }
}
