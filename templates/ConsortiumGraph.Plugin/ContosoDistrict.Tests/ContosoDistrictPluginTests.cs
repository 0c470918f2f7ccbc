using System.Text.Json;
using ConsortiumGraph.Plugins.Testing;
using Xunit;

namespace ContosoDistrict.Tests;

/// <summary>
/// The plugin in the real server, on the demo consortium. When the demo lacks the district, the kit adds it as a
/// member of the demo consortium and of its bus purchasing partnership, so these tests run for any district code.
/// </summary>
public sealed class ContosoDistrictPluginTests
{
    private const string District = "DISTRICT_CODE";

    [Fact]
    public async Task The_district_has_the_plugins_fields()
    {
        await using var host = new PluginTestHost(new ContosoDistrictPlugin());
        var district = (await host.QueryAsync("query($code: String!) { district(code: $code) { local { PLUGIN_KEY { studentsPerStaffFte } } } }",
            new { code = District })).GetProperty("district");
        Assert.Equal(JsonValueKind.Object, district.GetProperty("local").GetProperty("PLUGIN_KEY").ValueKind);
    }

    [Fact]
    public async Task A_commitment_with_dollars_names_the_program_code()
    {
        await using var host = new PluginTestHost(new ContosoDistrictPlugin());
        var partnership = (await host.QueryAsync("query($code: String!) { district(code: $code) { partnerships(first: 1, where: { status: [ACTIVE] }) { nodes { id } } } }",
            new { code = District })).GetProperty("district").GetProperty("partnerships").GetProperty("nodes")[0].GetProperty("id").GetString();
        const string create = """
            mutation($input: CreateCommitmentInput!) { createCommitment(input: $input, dryRun: true) {
              errors { code ... on RuleViolation { rule plugin } } } }
            """;
        var input = new { partnershipId = partnership, districtId = await host.DistrictIdAsync(District), title = "Fuel for the buses", dollars = 5000 };

        var refused = (await host.QueryAsync(create, new { input })).GetProperty("createCommitment").GetProperty("errors");
        Assert.Equal("PROGRAM_CODE_REQUIRED", Assert.Single(refused.EnumerateArray()).GetProperty("rule").GetString());

        var withCode = new { input.partnershipId, input.districtId, input.title, input.dollars, local = new[] { new { plugin = "PLUGIN_KEY", values = new { localProgramCode = "TR-2610" } } } };
        Assert.Empty((await host.QueryAsync(create, new { input = withCode })).GetProperty("createCommitment").GetProperty("errors").EnumerateArray());
    }
}
