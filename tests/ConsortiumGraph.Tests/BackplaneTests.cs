using ConsortiumGraph.Data;
using ConsortiumGraph.Events;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>Two server instances on one PostgreSQL database, as behind a load balancer: an event raised on one reaches a subscriber on the other.</summary>
public sealed class BackplaneTests : IPostgreSqlSuite
{
    private sealed class Instance(string connectionString) : PluginTestHost
    {
        public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
        protected override string ConnectionString => connectionString;
    }

    [DatabaseFact]
    public async Task A_change_on_one_instance_reaches_a_subscriber_on_the_other()
    {
        var database = $"consortiumgraph_test_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(PostgreSqlServer.ServerConnectionString!) { Database = database }.ConnectionString;
        var settings = new Dictionary<string, string> { ["Events:Backplane"] = "PostgreSql" };
        try
        {
            await using var first = new Instance(connectionString) { Settings = settings };
            _ = first.Server; // migrates and seeds
            await using var second = new Instance(connectionString) { Settings = settings };
            _ = second.Server;
            await second.Services.GetRequiredService<PostgreSqlBackplane>().Listening.Task.WaitAsync(TimeSpan.FromSeconds(20));

            await using var subscriber = await GraphQLWebSocketClient.ConnectAsync(second, await second.TokenAsync());
            await subscriber.SendAsync(new { id = "c", type = "subscribe", payload = new { query = "subscription { commitmentChanged { title district { code } } }" } });
            await subscriber.SendAsync(new { type = "ping" });
            Assert.Equal("pong", (await subscriber.ReceiveAsync())!.Value.GetProperty("type").GetString()); // the subscription is registered

            AssertOk((await first.QueryAsync($"mutation($input: CreateCommitmentInput!) {{ createCommitment(input: $input) {{ commitment {{ id }} {Errors} }} }}", new
            {
                input = new { partnershipId = await first.PartnershipIdAsync("Regional Bus and Fuel Purchasing"), districtId = await first.DistrictIdAsync("5000530"), title = "Fuel for the spring routes" },
            })).GetProperty("createCommitment"));

            var next = (await subscriber.ReceiveAsync(TimeSpan.FromSeconds(20)))!.Value;
            Assert.Equal("next", next.GetProperty("type").GetString());
            var commitment = next.GetProperty("payload").GetProperty("data").GetProperty("commitmentChanged");
            Assert.Equal("Fuel for the spring routes", commitment.GetProperty("title").GetString());
            Assert.Equal("5000530", commitment.GetProperty("district").GetProperty("code").GetString());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgreSqlServer.ServerConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
