using System.Text.Json;
using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Events;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Live updates run once per event for each distinct (request, scope): subscribers who would read the same rows share
/// one execution, and a group never carries an answer to a subscriber of another scope.
/// </summary>
public sealed class SubscriptionGroupTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private const string Votes = "subscription { voteCast { title votes { choice district { code } } } }";

    private string Token(string subject, string role, string[]? districts = null, string[]? consortia = null, string? funder = null) =>
        server.Services.GetRequiredService<TokenIssuer>().Issue(subject, role, districts, consortia, funder);

    private async Task<GraphQLWebSocketClient> SubscribeAsync(string token, string query = Votes, object? variables = null)
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(server, token);
        await client.SendAsync(new { id = "votes", type = "subscribe", payload = new { query, variables } });
        return client;
    }

    private async Task WaitForGroupsAsync(int count)
    {
        var groups = server.Services.GetRequiredService<SubscriptionGroups>();
        for (var i = 0; i < 200 && groups.Count != count; i++) await Task.Delay(25);
        Assert.Equal(count, groups.Count);
    }

    private async Task<string> VoteAsync(string title)
    {
        var admin = server.TokenFor(Roles.ConsortiumAdmin, consortia: [Graph.GlobalId.Encode("Consortium", 1)]);
        var proposed = (await server.QueryAsync($"mutation($input: ProposeDecisionInput!) {{ proposeDecision(input: $input) {{ decision {{ id }} {Errors} }} }}", new
        {
            input = new { partnershipId = await server.PartnershipIdAsync("Regional Bus and Fuel Purchasing"), area = "vendor-selection", title, deadline = server.Clock.GetUtcNow().AddDays(7) },
        }, admin)).GetProperty("proposeDecision");
        AssertOk(proposed);
        var decision = proposed.GetProperty("decision").GetProperty("id").GetString()!;
        AssertOk((await server.QueryAsync($"mutation($input: CastVoteInput!) {{ castVote(input: $input) {{ decision {{ id }} {Errors} }} }}", new
        {
            input = new { decisionId = decision, districtId = await server.DistrictIdAsync("5000310"), choice = "YES" },
        }, await server.TokenAsync("staff-5000310"))).GetProperty("castVote"));
        return decision;
    }

    private static async Task<string> NextVoteAsync(GraphQLWebSocketClient client)
    {
        var message = (await client.ReceiveAsync())!.Value;
        Assert.Equal("next", message.GetProperty("type").GetString());
        return message.GetProperty("payload").GetRawText();
    }

    /// <summary>Nothing is queued for the client: a ping's pong is the next message.</summary>
    private static async Task AssertNothingSentAsync(GraphQLWebSocketClient client)
    {
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribers_of_one_scope_share_one_execution_and_no_answer_crosses_into_another_scope()
    {
        var northern = Graph.GlobalId.Encode("Consortium", 1);
        var upperValley = Graph.GlobalId.Encode("Consortium", 2);
        // Riverside belongs to both consortia and to the bus partnership; Maple Ridge is Northern's but not the partnership's;
        // the Tri-State fund funds none of it; Upper Valley's admins administer the other consortium.
        var clients = new List<(string Scope, GraphQLWebSocketClient Client)>();
        for (var i = 0; i < 6; i++) clients.Add(("riverside", await SubscribeAsync(Token($"riverside-staff-{i}", Roles.DistrictStaff, ["5000310"]))));
        for (var i = 0; i < 2; i++) clients.Add(("maple ridge", await SubscribeAsync(Token($"maple-ridge-staff-{i}", Roles.DistrictStaff, ["5000420"]))));
        for (var i = 0; i < 2; i++) clients.Add(("funder", await SubscribeAsync(await server.TokenAsync("funder-1"))));
        for (var i = 0; i < 2; i++) clients.Add(("upper valley admin", await SubscribeAsync(Token($"uv-admin-{i}", Roles.ConsortiumAdmin, consortia: [upperValley]))));
        clients.Add(("northern admin", await SubscribeAsync(Token("northern-admin", Roles.ConsortiumAdmin, consortia: [northern]))));
        // The same caller with another document, and another caller with the same claims but a different subject, are one group each and the same group.
        clients.Add(("riverside titles", await SubscribeAsync(Token("riverside-staff-0", Roles.DistrictStaff, ["5000310"]), "subscription { voteCast { title } }")));
        await WaitForGroupsAsync(6);

        var counter = server.Services.GetRequiredService<SqlStatementCounter>();
        var before = counter.Count;
        await VoteAsync("Choose the fuel supplier");
        var readers = clients.Where(c => c.Scope is "riverside" or "maple ridge" or "northern admin" or "riverside titles").ToList();
        var received = new Dictionary<string, List<string>>();
        foreach (var (scope, client) in readers)
        {
            var payload = await NextVoteAsync(client);
            Assert.Contains("Choose the fuel supplier", payload);
            received.TryAdd(scope, []);
            received[scope].Add(payload);
        }
        var firstRound = counter.Count - before;
        // One scope's subscribers got one and the same answer; the titles-only document its own.
        foreach (var payloads in received.Values) Assert.Single(payloads.Distinct());
        Assert.DoesNotContain("votes", received["riverside titles"][0]);
        foreach (var (_, client) in clients.Where(c => !readers.Contains(c))) await AssertNothingSentAsync(client);

        // Twenty more Riverside subscribers join the group they belong to: the next event costs no more statements.
        // Run each on its own, twenty subscribers would add at least twenty caller lookups and twenty decision reads.
        for (var i = 0; i < 20; i++) clients.Add(("riverside", await SubscribeAsync(Token($"riverside-staff-more-{i}", Roles.DistrictStaff, ["5000310"]))));
        await WaitForGroupsAsync(6);
        before = counter.Count;
        await VoteAsync("Choose the heating-oil supplier");
        foreach (var (_, client) in clients.Where(c => c.Scope is "riverside" or "maple ridge" or "northern admin" or "riverside titles"))
            Assert.Contains("Choose the heating-oil supplier", await NextVoteAsync(client));
        var secondRound = counter.Count - before;
        // Equal but for a background statement that may fall into one round (the deadline sweep).
        Assert.InRange(secondRound, firstRound - 3, firstRound + 3);
        foreach (var (_, client) in clients.Where(c => c.Scope is "funder" or "upper valley admin")) await AssertNothingSentAsync(client);

        // The last member to leave ends its group.
        foreach (var (_, client) in clients) await client.DisposeAsync();
        await WaitForGroupsAsync(0);
    }

    [Fact]
    public async Task A_member_whose_key_was_revoked_is_closed_while_its_group_goes_on_delivering_to_the_others()
    {
        async Task<(string Id, GraphQLWebSocketClient Client)> SubscribeWithKeyAsync()
        {
            var created = (await server.QueryAsync($"mutation($input: CreateApiKeyInput!) {{ createApiKey(input: $input) {{ apiKey {{ id secret }} {Errors} }} }}",
                new { input = new { name = $"Riverside group {Guid.NewGuid():N}", role = "DISTRICT_STAFF", districtCodes = new[] { "5000310" } } })).GetProperty("createApiKey");
            AssertOk(created);
            var client = await GraphQLWebSocketClient.ConnectAsync(server, init: false);
            await client.SendAsync(new { type = "connection_init", payload = new Dictionary<string, string> { ["X-Api-Key"] = created.GetProperty("apiKey").GetProperty("secret").GetString()! } });
            Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
            await client.SendAsync(new { id = "votes", type = "subscribe", payload = new { query = Votes } });
            return (created.GetProperty("apiKey").GetProperty("id").GetString()!, client);
        }
        var groups = server.Services.GetRequiredService<SubscriptionGroups>().Count;
        var (revokedId, revoked) = await SubscribeWithKeyAsync();
        var (_, kept) = await SubscribeWithKeyAsync();
        await using var _revoked = revoked;
        await using var _kept = kept;
        // Two keys of the same scope: one group.
        await WaitForGroupsAsync(groups + 1);

        // Revoked in the database only, as another instance without a backplane would: no event closes it here.
        Assert.True(Graph.GlobalId.TryDecode(revokedId, "ApiKey", out var keyId));
        await using (var db = server.OpenDatabase())
            await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, DateTime.UtcNow));
        await VoteAsync("Choose the salt supplier");

        Assert.Contains("Choose the salt supplier", await NextVoteAsync(kept));
        Assert.Null(await revoked.ReceiveAsync(TimeSpan.FromSeconds(10))); // closed before the delivery, not after it
        Assert.Equal(GraphQLWebSocket.CredentialEnded, (int)revoked.Socket.CloseStatus!);
        // The group lives on with its other member.
        await AssertNothingSentAsync(kept);
        await WaitForGroupsAsync(groups + 1);
    }

    [Fact]
    public void A_scope_is_the_claims_that_choose_rows_not_the_subject()
    {
        static System.Security.Claims.ClaimsPrincipal Principal(string subject, string role, string[]? districts = null, string[]? consortia = null, string? funder = null)
        {
            var claims = new List<System.Security.Claims.Claim> { new("sub", subject), new(Roles.RoleClaim, role) };
            claims.AddRange((districts ?? []).Select(d => new System.Security.Claims.Claim(Roles.DistrictClaim, d)));
            claims.AddRange((consortia ?? []).Select(c => new System.Security.Claims.Claim(Roles.ConsortiumClaim, c)));
            if (funder is not null) claims.Add(new(Roles.FunderClaim, funder));
            return new(new System.Security.Claims.ClaimsIdentity(claims, "test", "sub", Roles.RoleClaim));
        }
        static string Key(System.Security.Claims.ClaimsPrincipal user) => Caller.ScopeKey(user, AnonymousAccess.Directory);
        var (one, two) = (Graph.GlobalId.Encode("Consortium", 1), Graph.GlobalId.Encode("Consortium", 2));

        Assert.Equal(Key(Principal("a", Roles.DistrictStaff, ["5000310", "5000420"])), Key(Principal("b", Roles.DistrictStaff, ["5000420", "5000310"])));
        Assert.NotEqual(Key(Principal("a", Roles.DistrictStaff, ["5000310"])), Key(Principal("a", Roles.DistrictStaff, ["5000420"])));
        Assert.NotEqual(Key(Principal("a", Roles.DistrictStaff, ["5000310"])), Key(Principal("a", Roles.ConsortiumAdmin, ["5000310"])));
        Assert.NotEqual(Key(Principal("a", Roles.ConsortiumAdmin, consortia: [one])), Key(Principal("a", Roles.ConsortiumAdmin, consortia: [two])));
        Assert.NotEqual(Key(Principal("a", Roles.Funder, funder: Graph.GlobalId.Encode("Funder", 1))), Key(Principal("a", Roles.Funder, funder: Graph.GlobalId.Encode("Funder", 2))));
        // An API key's consortia narrow a district's: the same district with and without them are two scopes.
        Assert.NotEqual(Key(Principal("a", Roles.DistrictStaff, ["5000310"])), Key(Principal("a", Roles.DistrictStaff, ["5000310"], consortia: [two])));
        Assert.NotEqual(Key(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity())), Key(Principal("a", Roles.DistrictStaff, ["5000310"])));
    }
}
