using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Tests.Infrastructure;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>The graphql-transport-ws protocol, from connection_init to complete, and events scoped like queries.</summary>
public sealed class SubscriptionTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private Task<GraphQLWebSocketClient> Connect(string? token = null, bool init = true) => GraphQLWebSocketClient.ConnectAsync(server, token, init);

    [Fact]
    public async Task A_vote_reaches_the_members_subscribers_and_not_a_funder_of_other_partnerships()
    {
        await using var staff = await Connect(await server.TokenAsync("staff-5000310"));
        await using var funder = await Connect(await server.TokenAsync("funder-1"));
        await staff.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await staff.ReceiveAsync())!.Value.GetProperty("type").GetString());
        const string subscription = "subscription { voteCast { title votes { choice district { code } } } }";
        await staff.SendAsync(new { id = "votes", type = "subscribe", payload = new { query = subscription } });
        await funder.SendAsync(new { id = "votes", type = "subscribe", payload = new { query = subscription } });

        // Riverside is in the bus partnership; the Tri-State fund does not fund it.
        var decision = (await server.QueryAsync($"mutation($input: ProposeDecisionInput!) {{ proposeDecision(input: $input) {{ decision {{ id }} {Errors} }} }}", new
        {
            input = new { partnershipId = await server.PartnershipIdAsync("Regional Bus and Fuel Purchasing"), area = "vendor-selection", title = "Choose the bus dealer", deadline = server.Clock.GetUtcNow().AddDays(7) },
        })).GetProperty("proposeDecision");
        AssertOk(decision);
        AssertOk((await server.QueryAsync($"mutation($input: CastVoteInput!) {{ castVote(input: $input) {{ decision {{ id }} {Errors} }} }}", new
        {
            input = new { decisionId = decision.GetProperty("decision").GetProperty("id").GetString(), districtId = await server.DistrictIdAsync("5000310"), choice = "YES" },
        }, await server.TokenAsync("staff-5000310"))).GetProperty("castVote"));

        var next = (await staff.ReceiveAsync())!.Value;
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("votes", next.GetProperty("id").GetString());
        var vote = next.GetProperty("payload").GetProperty("data").GetProperty("voteCast");
        Assert.Equal("Choose the bus dealer", vote.GetProperty("title").GetString());
        Assert.Equal("5000310", vote.GetProperty("votes")[0].GetProperty("district").GetProperty("code").GetString());

        // The funder's copy of the event resolved to nothing it may read, so nothing was sent: its next message is the pong.
        await Task.Delay(500);
        await funder.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await funder.ReceiveAsync())!.Value.GetProperty("type").GetString());

        await staff.SendAsync(new { id = "votes", type = "complete" });
        await staff.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await staff.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_partnerships_life_is_announced_activation_amendment_withdrawal_and_dissolution_and_not_to_a_funder_outside_it()
    {
        var admin = server.TokenFor("consortium-admin", consortia: [Graph.GlobalId.Encode("Consortium", 1)]);
        await using var client = await Connect(admin);
        await using var funder = await Connect(await server.TokenAsync("funder-1"));
        foreach (var (id, query) in new[]
        {
            ("status", $"subscription {{ partnershipStatusChanged(consortiumId: \"{Graph.GlobalId.Encode("Consortium", 1)}\") {{ name status }} }}"),
            ("versions", "subscription { agreementVersionAdded { version status changeSummary } }"),
            ("closed", "subscription { decisionClosed { title status withdrawalReason } }"),
        })
        {
            await client.SendAsync(new { id, type = "subscribe", payload = new { query } });
            await funder.SendAsync(new { id, type = "subscribe", payload = new { query } });
        }
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        async Task<JsonElement> Mutate(string field, string inputType, object input, string selection = "") =>
            (await server.QueryAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} {Errors} }} }}", new { input }, admin)).GetProperty(field);
        async Task<(string Id, JsonElement Data)> Next()
        {
            var message = (await client.ReceiveAsync())!.Value;
            Assert.Equal("next", message.GetProperty("type").GetString());
            var data = message.GetProperty("payload").GetProperty("data");
            return (message.GetProperty("id").GetString()!, data.EnumerateObject().Single().Value);
        }
        var name = $"Announced {Guid.NewGuid():N}";
        var (lead, member) = (await server.DistrictIdAsync("3300710"), await server.DistrictIdAsync("3300820"));
        var created = await Mutate("createPartnership", "CreatePartnershipInput", new
        {
            consortiumId = Graph.GlobalId.Encode("Consortium", 1), name, kind = "ADVOCACY", leadDistrictId = lead, memberDistrictIds = new[] { lead, member },
            decisionRights = new[] { new { area = "positions", rule = "MAJORITY" } }, agreementTitle = "MOU", agreementTerms = "Terms.",
        }, "partnership { id agreement { id } }");
        AssertOk(created);
        var partnership = created.GetProperty("partnership").GetProperty("id").GetString();
        foreach (var district in new[] { lead, member })
            AssertOk(await Mutate("signAgreement", "SignAgreementInput", new { agreementId = created.GetProperty("partnership").GetProperty("agreement").GetProperty("id").GetString(), districtId = district, signedBy = "Superintendent" }));
        var active = await Next();
        Assert.Equal(("status", name, "ACTIVE"), (active.Id, active.Data.GetProperty("name").GetString(), active.Data.GetProperty("status").GetString()));

        AssertOk(await Mutate("amendAgreement", "AmendAgreementInput", new { partnershipId = partnership, terms = "New terms.", changeSummary = "Adds a position on transport." }));
        var version = await Next();
        Assert.Equal(("versions", 2, "PENDING"), (version.Id, version.Data.GetProperty("version").GetInt32(), version.Data.GetProperty("status").GetString()));

        var decision = await Mutate("proposeDecision", "ProposeDecisionInput", new { partnershipId = partnership, area = "positions", title = "Testify on the bus bill", deadline = server.Clock.GetUtcNow().AddDays(7) }, "decision { id }");
        AssertOk(await Mutate("withdrawDecision", "WithdrawDecisionInput", new { decisionId = decision.GetProperty("decision").GetProperty("id").GetString(), reason = "The hearing was cancelled." }));
        var withdrawn = await Next();
        Assert.Equal(("closed", "WITHDRAWN", "The hearing was cancelled."), (withdrawn.Id, withdrawn.Data.GetProperty("status").GetString(), withdrawn.Data.GetProperty("withdrawalReason").GetString()));

        AssertOk(await Mutate("dissolvePartnership", "ClosePartnershipInput", new { partnershipId = partnership, reason = "The bill passed." }));
        var dissolved = await Next();
        Assert.Equal(("status", "DISSOLVED"), (dissolved.Id, dissolved.Data.GetProperty("status").GetString()));

        // The Tri-State fund funds none of it: nothing reached it.
        await funder.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await funder.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_decision_expiring_at_its_deadline_is_announced_as_closed()
    {
        await using var client = await Connect(await server.TokenAsync());
        var decision = (await server.QueryAsync($"mutation($input: ProposeDecisionInput!) {{ proposeDecision(input: $input) {{ decision {{ id }} {Errors} }} }}", new
        {
            input = new { partnershipId = await server.PartnershipIdAsync("Rural Math Teacher Network"), area = "agenda", title = $"Spring agenda {Guid.NewGuid():N}", deadline = server.Clock.GetUtcNow().AddHours(1) },
        })).GetProperty("proposeDecision").GetProperty("decision").GetProperty("id").GetString();
        await client.SendAsync(new { id = "closed", type = "subscribe", payload = new { query = "subscription { decisionClosed { id status } }" } });
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        server.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Decisions.DecisionDeadlines>(server.Services).ExpireAsync(CancellationToken.None);
            var next = (await client.ReceiveAsync())!.Value.GetProperty("payload").GetProperty("data").GetProperty("decisionClosed");
            Assert.Equal(decision, next.GetProperty("id").GetString());
            Assert.Equal("EXPIRED", next.GetProperty("status").GetString());
        }
        finally
        {
            server.Clock.Advance(TimeSpan.FromHours(-2));
        }
    }

    [Fact]
    public async Task Queries_answer_once_and_bad_documents_get_an_error_message()
    {
        await using var client = await Connect(await server.TokenAsync());
        await client.SendAsync(new { id = "q", type = "subscribe", payload = new { query = "{ consortia { name } }" } });
        var next = (await client.ReceiveAsync())!.Value;
        Assert.Equal(2, next.GetProperty("payload").GetProperty("data").GetProperty("consortia").GetArrayLength());
        Assert.Equal("complete", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        await client.SendAsync(new { id = "bad", type = "subscribe", payload = new { query = "subscription { voteCast { nope } }" } });
        var error = (await client.ReceiveAsync())!.Value;
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("bad", error.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_connection_that_never_initialises_is_closed_and_subscriptions_per_connection_are_limited()
    {
        await using var host = new ConsortiumGraph.Plugins.Testing.PluginTestHost
        {
            Settings = new Dictionary<string, string> { ["Subscriptions:ConnectionInitTimeout"] = "00:00:00.300", ["Subscriptions:MaxSubscriptionsPerConnection"] = "1" },
        };
        await using (var silent = await GraphQLWebSocketClient.ConnectAsync(host, init: false))
        {
            Assert.Null(await silent.ReceiveAsync());
            Assert.Equal(4408, (int)silent.Socket.CloseStatus!);
        }
        await using var client = await GraphQLWebSocketClient.ConnectAsync(host, await host.TokenAsync());
        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "subscription { voteCast { title } }" } });
        await client.SendAsync(new { id = "2", type = "subscribe", payload = new { query = "subscription { decisionClosed { title } }" } });
        var refused = (await client.ReceiveAsync())!.Value;
        Assert.Equal("2", refused.GetProperty("id").GetString());
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Protocol_violations_close_with_the_protocols_codes()
    {
        await using (var early = await Connect(init: false))
        {
            await early.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ __typename }" } });
            Assert.Null(await early.ReceiveAsync());
            Assert.Equal(4401, (int)early.Socket.CloseStatus!);
        }
        await using (var forged = await Connect(init: false))
        {
            await forged.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer forged" } });
            Assert.Null(await forged.ReceiveAsync());
            Assert.Equal(4403, (int)forged.Socket.CloseStatus!);
        }
        await using (var twice = await Connect(await server.TokenAsync()))
        {
            await twice.SendAsync(new { id = "same", type = "subscribe", payload = new { query = "subscription { voteCast { title } }" } });
            await twice.SendAsync(new { id = "same", type = "subscribe", payload = new { query = "subscription { voteCast { title } }" } });
            Assert.Null(await twice.ReceiveAsync());
            Assert.Equal(4409, (int)twice.Socket.CloseStatus!);
        }
        await using (var again = await Connect(await server.TokenAsync()))
        {
            await again.SendAsync(new { type = "connection_init" });
            Assert.Null(await again.ReceiveAsync());
            Assert.Equal(4429, (int)again.Socket.CloseStatus!);
        }
        await using var garbage = await Connect(await server.TokenAsync());
        await garbage.SendAsync(new { id = "empty", type = "subscribe", payload = new { variables = new { } } });
        var missing = (await garbage.ReceiveAsync())!.Value;
        Assert.Equal("error", missing.GetProperty("type").GetString());
        Assert.Equal("QUERY_MISSING", missing.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        await garbage.SendAsync(new { type = "shout" });
        Assert.Null(await garbage.ReceiveAsync());
        Assert.Equal(4400, (int)garbage.Socket.CloseStatus!);
    }
}
