using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins.Testing;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>An agreement past its term is EXPIRED and listed for renewal; a renewal signed by every member is in force again.</summary>
public sealed class AgreementExpiryTests
{
    [Fact]
    public async Task An_agreement_expires_with_its_term_and_a_signed_renewal_puts_it_in_force_again()
    {
        await using var host = new PluginTestHost();
        var admin = host.TokenFor("consortium-admin", consortia: [GlobalId.Encode("Consortium", 1)]);
        async Task<JsonElement> Mutate(string field, string inputType, object input, string selection = "") =>
            (await host.QueryAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} {Errors} }} }}", new { input }, admin)).GetProperty(field);
        var lead = await host.DistrictIdAsync("3300710");
        var member = await host.DistrictIdAsync("3300820");
        var created = await Mutate("createPartnership", "CreatePartnershipInput", new
        {
            consortiumId = GlobalId.Encode("Consortium", 1), name = "One-term MOU", kind = "ADVOCACY", leadDistrictId = lead, memberDistrictIds = new[] { lead, member },
            agreementTitle = "MOU", agreementTerms = "For one term.", agreementExpiresOn = "2026-12-31",
        }, "partnership { id agreement { id } }");
        AssertOk(created);
        var id = created.GetProperty("partnership").GetProperty("id").GetString()!;
        async Task SignAll()
        {
            var agreement = (await host.QueryAsync($$"""{ node(id: "{{id}}") { ... on Partnership { agreement { id } } } }""", token: admin)).GetProperty("node").GetProperty("agreement").GetProperty("id").GetString();
            foreach (var district in new[] { lead, member })
                AssertOk(await Mutate("signAgreement", "SignAgreementInput", new { agreementId = agreement, districtId = district, signedBy = "Superintendent" }));
        }
        await SignAll();
        async Task<(string? Status, int Version)> InForce()
        {
            var node = (await host.QueryAsync($$"""{ node(id: "{{id}}") { ... on Partnership { agreementInForce { status version } } } }""", token: admin)).GetProperty("node").GetProperty("agreementInForce");
            return (node.GetProperty("status").GetString(), node.GetProperty("version").GetInt32());
        }
        async Task<bool> Due(int within) => (await host.QueryAsync($"{{ agreementsExpiring(within: {within}, first: 100) {{ nodes {{ partnership {{ id }} }} }} }}", token: admin))
            .GetProperty("agreementsExpiring").GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("partnership").GetProperty("id").GetString() == id);

        Assert.Equal(("IN_FORCE", 1), await InForce());
        Assert.False(await Due(30));
        host.Clock.Advance(TimeSpan.FromDays(100)); // 2027-01-09: past the term
        Assert.Equal(("EXPIRED", 1), await InForce());
        Assert.True(await Due(0));

        var renewed = await Mutate("renewAgreement", "RenewAgreementInput", new { partnershipId = id, expiresOn = "2029-06-30" }, "agreement { version status }");
        AssertOk(renewed);
        Assert.Equal(("EXPIRED", 1), await InForce()); // until every member signed the renewal
        await SignAll();
        Assert.Equal(("IN_FORCE", 2), await InForce());
        Assert.False(await Due(365));
    }
}
