using System.Security.Claims;
using System.Text.Json.Nodes;
using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Bench;

/// <summary>Who calls an operation: a role and its claims, as a token or (in process) a principal.</summary>
public sealed record BenchCaller(string Role, string[] Districts, string[] Consortia, string? Funder)
{
    public static readonly BenchCaller Anonymous = new(Roles.Anonymous, [], [], null);

    public string? Token(TokenIssuer issuer) => Role == Roles.Anonymous ? null : issuer.Issue("bench-" + Role, Role, Districts, Consortia, Funder);

    public ClaimsPrincipal Principal()
    {
        if (Role == Roles.Anonymous) return new ClaimsPrincipal(new ClaimsIdentity());
        var claims = new List<Claim> { new("sub", "bench-" + Role), new(Roles.RoleClaim, Role) };
        claims.AddRange(Districts.Select(d => new Claim(Roles.DistrictClaim, d)));
        claims.AddRange(Consortia.Select(c => new Claim(Roles.ConsortiumClaim, c)));
        if (Funder is not null) claims.Add(new Claim(Roles.FunderClaim, Funder));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bench", "sub", Roles.RoleClaim));
    }
}

/// <summary>One benchmarked operation: its document (a file of bench/operations), variables, caller and, for reads, its baseline endpoint.</summary>
public sealed record BenchOperation(string Name, string File, string? OperationName, JsonObject Variables, BenchCaller Caller, string? Baseline)
{
    public string Document => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "operations", File));
}

/// <summary>
/// What the operations run against, chosen from the data set the same way every time: the first
/// generated consortium, its partnership with the most commitments, its funder, and the demo
/// district with a plugin (Maple Ridge) added beside the national data.
/// </summary>
public sealed record BenchTargets(int ConsortiumId, int PartnershipId, int FunderId, string LocalDistrictCode, int MutationPartnershipId, int MutationDistrictId)
{
    public const string LocalDistrict = "5000420";

    public static async Task<BenchTargets> FindAsync(IDbContextFactory<ConsortiumDb> databases, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var consortium = await db.Consortia.Where(c => c.Name == "Consortium 00001").Select(c => c.Id).SingleAsync(ct);
        var partnership = await db.Partnerships.Where(p => p.ConsortiumId == consortium && p.Decisions.Any())
            .OrderByDescending(p => p.Commitments.Count()).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        var funder = await db.Funders.Where(f => f.Name == "Fund for Consortium 00001").Select(f => f.Id).SingleAsync(ct);
        // Mutations go to an active partnership whose budget is decided by majority, through its lead district.
        var mutation = await db.Partnerships.Where(p => p.ConsortiumId == consortium && p.Status == PartnershipStatus.Active
                && p.DecisionRights.Any(r => r.Area == "budget"))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, Lead = p.Members.Where(m => m.Role == MemberRole.Lead).Select(m => m.DistrictId).First() })
            .FirstAsync(ct);
        return new BenchTargets(consortium, partnership, funder, LocalDistrict, mutation.Id, mutation.Lead);
    }

    private BenchCaller Admin => new(Roles.ConsortiumAdmin, [], [GlobalId.Encode("Consortium", ConsortiumId)], null);

    /// <summary>The read operations, each with the baseline endpoint that answers the same question.</summary>
    public IReadOnlyList<BenchOperation> Reads =>
    [
        new("dashboard", "dashboard.graphql", null, new JsonObject { ["consortium"] = GlobalId.Encode("Consortium", ConsortiumId) }, Admin,
            $"/baseline/dashboard/{ConsortiumId}"),
        new("partnership detail", "partnership-detail.graphql", null, new JsonObject { ["partnership"] = GlobalId.Encode("Partnership", PartnershipId) }, Admin,
            $"/baseline/partnership/{PartnershipId}"),
        // The cursor of page 50 is found by paging (BenchClient.PageCursorAsync); the baseline takes the same cursor.
        new("district list p50", "district-list.graphql", null, new JsonObject(), BenchCaller.Anonymous, "/baseline/districts"),
        new("district local fields", "district-local-fields.graphql", null, new JsonObject { ["code"] = LocalDistrictCode },
            new BenchCaller(Roles.DistrictStaff, [LocalDistrictCode], [], null), $"/baseline/district/{LocalDistrictCode}"),
        new("funder report", "funder-report.graphql", null, new JsonObject(), new BenchCaller(Roles.Funder, [], [], GlobalId.Encode("Funder", FunderId)),
            "/baseline/funding-report"),
    ];

    /// <summary>The mutation mix: four operations of one file, run in order, each feeding the next its IDs.</summary>
    public BenchOperation Mutations => new("mutation mix", "mutation-mix.graphql", null, new JsonObject
    {
        ["partnership"] = GlobalId.Encode("Partnership", MutationPartnershipId),
        ["district"] = GlobalId.Encode("District", MutationDistrictId),
    }, Admin, null);
}
