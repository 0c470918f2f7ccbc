using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Events;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// A WebSocket lives no longer than its credential, anonymous clients cannot take signed-in users'
/// slots, and a subscriber that stops reading is disconnected instead of buffered without bound.
/// </summary>
public sealed class SubscriptionLifetimeTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private const string VoteCast = "subscription { voteCast { title } }";

    private static async Task<GraphQLWebSocketClient> ConnectWithPayloadAsync(PluginTestHost host, object payload)
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(host, init: false);
        await client.SendAsync(new { type = "connection_init", payload });
        return client;
    }

    private async Task<(string Id, string Secret)> CreateStaffKeyAsync()
    {
        var created = (await server.QueryAsync($"mutation($input: CreateApiKeyInput!) {{ createApiKey(input: $input) {{ apiKey {{ id secret }} {Errors} }} }}",
            new { input = new { name = $"Riverside live {Guid.NewGuid():N}", role = "DISTRICT_STAFF", districtCodes = new[] { "5000310" } } })).GetProperty("createApiKey");
        AssertOk(created);
        return (created.GetProperty("apiKey").GetProperty("id").GetString()!, created.GetProperty("apiKey").GetProperty("secret").GetString()!);
    }

    private static async Task AssertClosedAsync(GraphQLWebSocketClient client, int code, TimeSpan within)
    {
        JsonElement? message;
        // Anything still queued may arrive first; the close must follow.
        do message = await client.ReceiveAsync(within);
        while (message is not null);
        Assert.Equal(code, (int)client.Socket.CloseStatus!);
    }

    [Fact]
    public async Task A_subscription_opened_with_an_api_key_closes_when_the_key_is_revoked()
    {
        var (id, secret) = await CreateStaffKeyAsync();
        await using var client = await ConnectWithPayloadAsync(server, new Dictionary<string, string> { ["X-Api-Key"] = secret });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = VoteCast } });

        AssertOk((await server.QueryAsync($"mutation($input: RevokeApiKeyInput!) {{ revokeApiKey(input: $input) {{ apiKey {{ id }} {Errors} }} }}",
            new { input = new { id } })).GetProperty("revokeApiKey"));
        await AssertClosedAsync(client, GraphQLWebSocket.CredentialEnded, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_key_revoked_where_this_instance_did_not_hear_of_it_delivers_nothing_more()
    {
        var (id, secret) = await CreateStaffKeyAsync();
        await using var client = await ConnectWithPayloadAsync(server, new Dictionary<string, string> { ["X-Api-Key"] = secret });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = VoteCast } });
        await Task.Delay(200);
        // As another instance without a backplane would: in the database only, with no event here.
        Assert.True(GlobalId.TryDecode(id, "ApiKey", out var keyId));
        await using (var db = server.OpenDatabase())
            await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, DateTime.UtcNow));
        int decision;
        await using (var db = server.OpenDatabase())
            decision = await db.Decisions.Where(d => d.Partnership.Members.Any(m => m.District.Code == "5000310")).Select(d => d.Id).FirstAsync();
        server.Services.GetRequiredService<EventHub>().Deliver([new ConsortiumEvent(ConsortiumEvent.VoteCast, decision)]);
        var message = await client.ReceiveAsync(TimeSpan.FromSeconds(10));
        Assert.Null(message); // closed before the delivery, not after it
        Assert.Equal(GraphQLWebSocket.CredentialEnded, (int)client.Socket.CloseStatus!);
    }

    [Fact]
    public async Task A_subscription_opened_with_a_token_closes_when_the_token_expires()
    {
        await using var host = new PluginTestHost
        {
            Settings = new Dictionary<string, string> { ["Auth:TokenLifetime"] = "00:00:02", ["Auth:ClockSkew"] = "00:00:00" },
        };
        await using var client = await GraphQLWebSocketClient.ConnectAsync(host, await host.TokenAsync("staff-5000310"));
        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = VoteCast } });
        var started = System.Diagnostics.Stopwatch.StartNew();
        await AssertClosedAsync(client, GraphQLWebSocket.CredentialEnded, TimeSpan.FromSeconds(15));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"open {started.Elapsed} after subscribing");
    }

    [Fact]
    public async Task A_forged_bearer_token_beside_a_valid_api_key_is_refused_at_connection_init()
    {
        var (_, secret) = await CreateStaffKeyAsync();
        await using var client = await ConnectWithPayloadAsync(server, new Dictionary<string, string> { ["X-Api-Key"] = secret, ["Authorization"] = "Bearer garbage" });
        await AssertClosedAsync(client, GraphQLWebSocket.CredentialEnded, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Anonymous_connections_cannot_take_the_slots_of_signed_in_users()
    {
        await using var host = new PluginTestHost
        {
            Settings = new Dictionary<string, string>
            {
                ["Subscriptions:MaxAnonymousConnections"] = "5", ["Subscriptions:MaxAnonymousConnectionsPerAddress"] = "3", ["Subscriptions:MaxConnections"] = "2",
            },
        };
        var anonymous = new List<GraphQLWebSocketClient>();
        try
        {
            for (var i = 0; i < 3; i++) anonymous.Add(await GraphQLWebSocketClient.ConnectAsync(host)); // acknowledged
            await using (var fourth = await ConnectWithPayloadAsync(host, new { }))
                await AssertClosedAsync(fourth, GraphQLWebSocket.TryAgainLater, TimeSpan.FromSeconds(10));

            // Signed-in users still get in, up to their own limit.
            var token = await host.TokenAsync();
            await using var first = await GraphQLWebSocketClient.ConnectAsync(host, token);
            await using var second = await GraphQLWebSocketClient.ConnectAsync(host, token);
            await using (var third = await ConnectWithPayloadAsync(host, new { Authorization = $"Bearer {token}" }))
                await AssertClosedAsync(third, GraphQLWebSocket.TryAgainLater, TimeSpan.FromSeconds(10));
            Assert.Equal((0, 3, 2), host.Services.GetRequiredService<WebSocketConnections>().Open);

            // A closed anonymous connection frees its slot.
            await anonymous[0].DisposeAsync();
            anonymous.RemoveAt(0);
            await WaitForAsync(() => host.Services.GetRequiredService<WebSocketConnections>().Open.Anonymous == 2);
            anonymous.Add(await GraphQLWebSocketClient.ConnectAsync(host));
        }
        finally
        {
            foreach (var client in anonymous) await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Connections_waiting_for_connection_init_are_limited_per_address_and_messages_by_the_body_limit()
    {
        await using var host = new PluginTestHost
        {
            Settings = new Dictionary<string, string> { ["Subscriptions:MaxPendingConnectionsPerAddress"] = "2", ["GraphQL:Limits:MaxBodyBytes"] = "2000" },
        };
        await using var first = await GraphQLWebSocketClient.ConnectAsync(host, init: false);
        await using var second = await GraphQLWebSocketClient.ConnectAsync(host, init: false);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => GraphQLWebSocketClient.ConnectAsync(host, init: false));
        Assert.Contains("503", refused.Message);

        // Initialised, a connection leaves the pending pool; a message larger than a request body closes it.
        await first.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", (await first.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await using var third = await GraphQLWebSocketClient.ConnectAsync(host, init: false);
        await first.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ consortia { name } }" + new string(' ', 3000) } });
        await AssertClosedAsync(first, 4400, TimeSpan.FromSeconds(10));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), "timed out waiting");
    }

    /// <summary>A real socket (Kestrel), because an in-memory test server buffers whatever is sent without backpressure.</summary>
    private sealed class KestrelHost : PluginTestHost
    {
        public KestrelHost() => UseKestrel(0);
        public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Fact]
    public async Task A_subscriber_that_stops_reading_is_disconnected_and_its_slot_released()
    {
        await using var host = new KestrelHost { Settings = new Dictionary<string, string> { ["Subscriptions:MaxQueuedMessages"] = "16" } };
        host.StartServer();
        var connections = host.Services.GetRequiredService<WebSocketConnections>();
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(GraphQLWebSocket.Protocol);
        await socket.ConnectAsync(new Uri($"ws://{host.Address.Authority}/graphql"), CancellationToken.None);
        async Task Send(object message) =>
            await socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);
        await Send(new { type = "connection_init", payload = new { Authorization = $"Bearer {await host.TokenAsync()}" } });
        var buffer = new byte[4096];
        await socket.ReceiveAsync(buffer, CancellationToken.None); // connection_ack
        // A large document per event, so the socket's buffers fill quickly once the client stops reading.
        await Send(new { id = "1", type = "subscribe", payload = new { query = """
            subscription { voteCast { title partnership { consortium { partnerships(first: 50) { nodes { name sharedGoal
              commitments(first: 50) { nodes { title description status dueOn progress { note reportedAt status percentComplete } } } } } } } } }
            """ } });
        int decision;
        await using (var db = host.OpenDatabase())
            decision = await db.Decisions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        await WaitForAsync(() => connections.Open.SignedIn == 1);

        // The client reads nothing from here on. Events come no faster than the subscription runs, so what
        // grows is what waits to be sent, until the server lets the subscriber go.
        var hub = host.Services.GetRequiredService<EventHub>();
        for (var i = 0; i < 3000 && connections.Open.SignedIn == 1; i++)
        {
            hub.Deliver([new ConsortiumEvent(ConsortiumEvent.VoteCast, decision)]);
            await Task.Delay(20);
        }
        await WaitForAsync(() => connections.Open.SignedIn == 0);

        // What reaches the client: what was in flight, then the 1008 close, or an abort where it could not get through.
        try
        {
            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while ((await socket.ReceiveAsync(buffer, drain.Token)).MessageType != WebSocketMessageType.Close) { }
            Assert.Equal(GraphQLWebSocket.TooSlow, (int)socket.CloseStatus!);
        }
        catch (WebSocketException) { Assert.Equal(WebSocketState.Aborted, socket.State); }
    }
}
