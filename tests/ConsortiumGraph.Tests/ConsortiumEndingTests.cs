using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// How a consortium's membership and the directory end: a district leaves a consortium (and may join again),
/// a consortium is archived (read-only, nothing deleted), districts and schools close. Each only once what
/// depends on it has ended, each a typed error otherwise, with nothing stored.
/// </summary>
public sealed class ConsortiumEndingTests : IAsyncLifetime
{
    private readonly PluginTestHost _host = new();
    private string Platform => _host.TokenFor("platform-admin");

    private async Task<JsonElement> Mutate(string field, string inputType, object input, string selection = "", string? token = null) =>
        (await _host.QueryAsync($"mutation Ending($input: {inputType}!) {{ {field}(input: $input) {{ {selection} {Errors} }} }}", new { input }, token ?? Platform)).GetProperty(field);

    /// <summary>A new consortium with these districts, and one partnership between the first two.</summary>
    private async Task<(string Consortium, string Partnership)> NewConsortium(params string[] codes)
    {
        var consortium = (await Mutate("createConsortium", "CreateConsortiumInput", new { name = $"Ending {Guid.NewGuid():N}", sharedGoal = "Test." }, "consortium { id }"))
            .GetProperty("consortium").GetProperty("id").GetString()!;
        foreach (var code in codes)
            AssertOk(await Mutate("addConsortiumMember", "AddConsortiumMemberInput", new { consortiumId = consortium, districtId = await _host.DistrictIdAsync(code) }));
        var partnership = await Mutate("createPartnership", "CreatePartnershipInput", new
        {
            consortiumId = consortium, name = "Shared bus routes", kind = "SHARED_SERVICE", leadDistrictId = await _host.DistrictIdAsync(codes[0]),
            memberDistrictIds = new[] { await _host.DistrictIdAsync(codes[0]), await _host.DistrictIdAsync(codes[1]) }, agreementTitle = "MOU", agreementTerms = "Terms.",
        }, "partnership { id }");
        AssertOk(partnership);
        return (consortium, partnership.GetProperty("partnership").GetProperty("id").GetString()!);
    }

    private async Task<string[]> Members(string consortium) =>
        (await _host.QueryAsync($$"""{ node(id: "{{consortium}}") { ... on Consortium { districts(first: 20) { nodes { code } } } } }""", token: Platform))
            .GetProperty("node").GetProperty("districts").GetProperty("nodes").EnumerateArray().Select(d => d.GetProperty("code").GetString()!).Order().ToArray();

    [Fact]
    public async Task A_district_leaves_a_consortium_once_out_of_its_partnerships_and_can_join_again()
    {
        var (consortium, partnership) = await NewConsortium("3300710", "3300820", "2300150");
        var whiteBirch = await _host.DistrictIdAsync("3300820");
        async Task<JsonElement> Remove(string district, string? leftOn = null, string? token = null) =>
            await Mutate("removeConsortiumMember", "RemoveConsortiumMemberInput", new { consortiumId = consortium, districtId = district, leftOn }, "consortium { id }", token);

        AssertError(await Remove(whiteBirch), "RuleViolation", "STILL_IN_PARTNERSHIPS", "input", "districtId");
        AssertError(await Remove(whiteBirch, leftOn: "2026-10-02"), "ValidationError", "EFFECTIVE_IN_FUTURE", "input", "leftOn");
        AssertError(await Remove(await _host.DistrictIdAsync("5000420")), "RuleViolation", "NOT_A_MEMBER", "input", "districtId");
        // Another consortium's admin does not find this one.
        AssertError(await Remove(whiteBirch, token: _host.TokenFor("consortium-admin", consortia: [GlobalId.Encode("Consortium", 1)])), "ValidationError", "NOT_FOUND", "input", "consortiumId");

        AssertOk(await Mutate("dissolvePartnership", "ClosePartnershipInput", new { partnershipId = partnership, reason = "Routes merged." }));
        AssertOk(await Remove(whiteBirch));
        Assert.Equal(["2300150", "3300710"], await Members(consortium));
        // Its history stays: the dissolved partnership still lists it.
        var history = (await _host.QueryAsync($$"""{ node(id: "{{partnership}}") { ... on Partnership { members { district { code } } } } }""", token: Platform))
            .GetProperty("node").GetProperty("members").EnumerateArray().Select(m => m.GetProperty("district").GetProperty("code").GetString());
        Assert.Contains("3300820", history);
        // No new work there.
        AssertError(await Mutate("createPartnership", "CreatePartnershipInput", new
        {
            consortiumId = consortium, name = "After leaving", kind = "ADVOCACY", leadDistrictId = await _host.DistrictIdAsync("3300710"),
            memberDistrictIds = new[] { await _host.DistrictIdAsync("3300710"), whiteBirch }, agreementTitle = "MOU", agreementTerms = "Terms.",
        }), "RuleViolation", "DISTRICT_NOT_IN_CONSORTIUM");

        AssertOk(await Mutate("addConsortiumMember", "AddConsortiumMemberInput", new { consortiumId = consortium, districtId = whiteBirch }));
        Assert.Equal(["2300150", "3300710", "3300820"], await Members(consortium));
        await using var db = _host.OpenDatabase();
        Assert.Contains(await db.AuditEntries.Where(a => a.Operation == "removeConsortiumMember in Ending").ToListAsync(), a => a.EntityType == "ConsortiumMembership" && a.Changes.Contains("LeftOn"));
    }

    [Fact]
    public async Task Fifty_admins_removing_one_member_at_once_remove_it_once()
    {
        var (consortium, partnership) = await NewConsortium("3300710", "3300820", "2300150");
        var kennebec = await _host.DistrictIdAsync("2300150");
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            Mutate("removeConsortiumMember", "RemoveConsortiumMemberInput", new { consortiumId = consortium, districtId = kennebec }))));
        Assert.Single(results, r => r.GetProperty("errors").GetArrayLength() == 0);
        Assert.All(results.Where(r => r.GetProperty("errors").GetArrayLength() > 0),
            r => Assert.Contains(r.GetProperty("errors")[0].GetProperty("code").GetString(), new[] { "NOT_A_MEMBER", "CONFLICT" }));
        GlobalId.TryDecode(consortium, "Consortium", out var key);
        await using var db = _host.OpenDatabase();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Operation == "removeConsortiumMember in Ending" && a.EntityType == "ConsortiumMembership"));
        Assert.NotNull((await db.ConsortiumMemberships.SingleAsync(m => m.ConsortiumId == key && m.District.Code == "2300150")).LeftOn);
    }

    [Fact]
    public async Task An_archived_consortium_stays_readable_and_changes_no_more()
    {
        var (consortium, partnership) = await NewConsortium("3300710", "3300820");
        async Task<JsonElement> Archive(string? token = null) => await Mutate("archiveConsortium", "ArchiveConsortiumInput", new { id = consortium, reason = "Merged into the regional collaborative." },
            "consortium { archivedOn archiveReason }", token);
        AssertError(await Archive(), "RuleViolation", "OPEN_PARTNERSHIPS", "input", "id");
        var admin = _host.TokenFor("consortium-admin", consortia: [consortium]);
        var refused = await _host.SendAsync("mutation { archiveConsortium(input: { id: \"x\", reason: \"x\" }) { errors { code } } }", token: admin);
        Assert.Contains("NOT_AUTHORIZED", refused.Body);

        AssertOk(await Mutate("dissolvePartnership", "ClosePartnershipInput", new { partnershipId = partnership, reason = "Wound down." }));
        var archived = await Archive();
        AssertOk(archived);
        Assert.Equal("2026-10-01", archived.GetProperty("consortium").GetProperty("archivedOn").GetString());

        await using var before = _host.OpenDatabase();
        var checksum = await DatabaseChecksum.OfAsync(before);
        AssertError(await Archive(), "RuleViolation", "CONSORTIUM_ARCHIVED", "input", "id");
        AssertError(await Mutate("updateConsortium", "UpdateConsortiumInput", new { id = consortium, name = "Renamed" }, token: admin), "RuleViolation", "CONSORTIUM_ARCHIVED");
        AssertError(await Mutate("addConsortiumMember", "AddConsortiumMemberInput", new { consortiumId = consortium, districtId = await _host.DistrictIdAsync("2300150") }), "RuleViolation", "CONSORTIUM_ARCHIVED");
        AssertError(await Mutate("defineIndicator", "DefineIndicatorInput", new { consortiumId = consortium, code = "ARCHIVED", name = "x", unit = "students", aggregation = "SUM" }, token: admin), "RuleViolation", "CONSORTIUM_ARCHIVED");
        AssertError(await Mutate("createPartnership", "CreatePartnershipInput", new
        {
            consortiumId = consortium, name = "After archiving", kind = "ADVOCACY", leadDistrictId = await _host.DistrictIdAsync("3300710"),
            memberDistrictIds = new[] { await _host.DistrictIdAsync("3300710"), await _host.DistrictIdAsync("3300820") }, agreementTitle = "MOU", agreementTerms = "Terms.",
        }, token: admin), "RuleViolation", "CONSORTIUM_ARCHIVED");
        await using var after = _host.OpenDatabase();
        Assert.Equal(checksum, await DatabaseChecksum.OfAsync(after));

        // Everything still reads.
        var read = (await _host.QueryAsync($$"""{ node(id: "{{consortium}}") { ... on Consortium { archiveReason partnerships(first: 5) { nodes { status } } districts(first: 5) { totalCount } } } }""", token: admin)).GetProperty("node");
        Assert.Equal("Merged into the regional collaborative.", read.GetProperty("archiveReason").GetString());
        Assert.Equal("DISSOLVED", read.GetProperty("partnerships").GetProperty("nodes")[0].GetProperty("status").GetString());
        Assert.Equal(2, read.GetProperty("districts").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Districts_and_schools_close_once_nothing_depends_on_them()
    {
        AssertError(await Mutate("closeDistrict", "CloseDirectoryEntryInput", new { id = await _host.DistrictIdAsync("3300710") }), "RuleViolation", "STILL_A_MEMBER", "input", "id");
        var district = (await Mutate("createDistrict", "CreateDistrictInput", new { code = "3399001", name = "Closing District", state = "NH", locale = "RURAL", enrollment = 90 }, "district { id }"))
            .GetProperty("district").GetProperty("id").GetString()!;
        AssertError(await Mutate("closeDistrict", "CloseDirectoryEntryInput", new { id = district, closedOn = "2026-10-05" }), "ValidationError", "EFFECTIVE_IN_FUTURE", "input", "closedOn");
        var closed = await Mutate("closeDistrict", "CloseDirectoryEntryInput", new { id = district, closedOn = "2026-06-30" }, "district { closedOn }");
        AssertOk(closed);
        Assert.Equal("2026-06-30", closed.GetProperty("district").GetProperty("closedOn").GetString());
        AssertError(await Mutate("closeDistrict", "CloseDirectoryEntryInput", new { id = district }), "RuleViolation", "ALREADY_CLOSED", "input", "id");
        AssertError(await Mutate("addConsortiumMember", "AddConsortiumMemberInput", new { consortiumId = GlobalId.Encode("Consortium", 1), districtId = district }), "RuleViolation", "DISTRICT_CLOSED", "input", "districtId");
        AssertError(await Mutate("createDistrict", "CreateDistrictInput", new { code = "3399001", name = "Reused", state = "NH", locale = "RURAL", enrollment = 1 }), "ValidationError", "DUPLICATE_CODE", "input", "code");

        // A school with open work stays open; a school with none closes and takes no new commitments.
        var granite = await _host.DistrictIdAsync("3300710");
        var school = (await Mutate("createSchool", "CreateSchoolInput", new { code = "330071099999", name = "Annex School", districtId = granite, enrollment = 40 }, "school { id }"))
            .GetProperty("school").GetProperty("id").GetString()!;
        var partnership = (await _host.QueryAsync("""{ district(code: "3300710") { partnerships(first: 20, where: { status: [ACTIVE] }) { nodes { id } } } }"""))
            .GetProperty("district").GetProperty("partnerships").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        var work = await Mutate("createCommitment", "CreateCommitmentInput", new { partnershipId = partnership, districtId = granite, schoolId = school, title = "At the annex" }, "commitment { id }");
        AssertOk(work);
        AssertError(await Mutate("closeSchool", "CloseDirectoryEntryInput", new { id = school }), "RuleViolation", "OPEN_COMMITMENTS", "input", "id");
        AssertOk(await Mutate("reportProgress", "ReportProgressInput", new { commitmentId = work.GetProperty("commitment").GetProperty("id").GetString(), status = "DROPPED" }));
        AssertOk(await Mutate("closeSchool", "CloseDirectoryEntryInput", new { id = school }));
        AssertError(await Mutate("createCommitment", "CreateCommitmentInput", new { partnershipId = partnership, districtId = granite, schoolId = school, title = "At the annex again" }),
            "RuleViolation", "SCHOOL_CLOSED", "input", "schoolId");
        await using var check = _host.OpenDatabase();
        Assert.Contains(await check.AuditEntries.Where(a => a.Operation == "closeSchool in Ending").ToListAsync(), a => a.EntityType == "School" && a.DistrictId != null && a.Changes.Contains("ClosedOn"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
