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

    /// <summary>The token's subject: one per role unless a benchmark needs many people of one role (the fan-out's).</summary>
    public string? Subject { get; init; }

    public string? Token(TokenIssuer issuer) => Role == Roles.Anonymous ? null : issuer.Issue(Subject ?? "bench-" + Role, Role, Districts, Consortia, Funder);

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

/// <summary>A baseline read: the database as the caller sees it, the time, the page cursor (district list only).</summary>
public delegate Task<object?> BaselineRead(ConsortiumDb db, DateTime now, string? after, CancellationToken ct);

/// <summary>
/// One benchmarked operation: its document (a file of bench/operations), variables and caller, and for
/// reads the baseline that answers the same question, as an HTTP path and as a call in process.
/// </summary>
public sealed record BenchOperation(string Name, string File, JsonObject Variables, BenchCaller Caller, string? Baseline = null, BaselineRead? Read = null)
{
    public const string DistrictList = "district list p50";

    public string Document => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "operations", File));

    /// <summary>
    /// The cursor that opens page 50 of the district list: the end cursor of page 49, found by paging as a
    /// client does, through <paramref name="run"/> (over HTTP or in process; it returns the response body).
    /// </summary>
    public static async Task<string> PageCursorAsync(Func<JsonObject, Task<byte[]>> run)
    {
        string? cursor = null;
        for (var page = 1; page < 50; page++)
            cursor = JsonNode.Parse(await run(new JsonObject { ["after"] = cursor }))!["data"]!["districts"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        return cursor!;
    }
}

/// <summary>
/// What the operations run against, chosen from the data set the same way every time: the first
/// generated consortium, its partnership with the most commitments, its funder, and the demo
/// district with a plugin (Maple Ridge) added beside the national data.
/// </summary>
public sealed record BenchTargets(int ConsortiumId, int PartnershipId, int FunderId, string LocalDistrictCode, int MutationPartnershipId, int MutationDistrictId,
    int GrantId, string GrantMemberCode, int LeagueId, int PurchasingId, string PurchasingMemberCode)
{
    public const string LocalDistrict = "5000420";
    /// <summary>The words the practice search looks for.</summary>
    public const string PracticeWords = "student conferences";

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
            .Select(p => new { p.Id, Lead = p.Members.Where(m => m.IsLead).Select(m => m.DistrictId).First() })
            .FirstAsync(ct);
        // The consortium's grant with the most spending, read by a member that does not keep its books.
        var grant = await db.Grants.Where(g => g.Partnership.ConsortiumId == consortium).OrderByDescending(g => g.Expenditures.Count()).ThenBy(g => g.Id)
            .Select(g => new { g.Id, Spending = g.Expenditures.Count(), Member = g.Partnership.Members.Where(m => m.DistrictId != g.FiscalAgentId).OrderBy(m => m.DistrictId).Select(m => m.District.Code).First() })
            .FirstOrDefaultAsync(ct);
        var league = await db.Leagues.Where(l => l.ConsortiumId == consortium).OrderBy(l => l.Id).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
        // The consortium's joint purchase with the most purchases, read by a member that does not lead it.
        var purchasing = await db.Partnerships.Where(p => p.ConsortiumId == consortium && p.Kind == PartnershipKind.JointPurchasing)
            .OrderByDescending(p => p.Purchases.Count()).ThenBy(p => p.Id)
            .Select(p => new { p.Id, Purchases = p.Purchases.Count(), Member = p.Members.Where(m => !m.IsLead).OrderBy(m => m.DistrictId).Select(m => m.District.Code).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (grant is not { Spending: > 0 } || league is null || purchasing is not { Purchases: > 0, Member: not null })
            throw new InvalidOperationException("The data set's first consortium has no grant with spending, no League or no joint purchases: it was generated before the generator wrote them. Delete it (bench/data/) and run again.");
        return new BenchTargets(consortium, partnership, funder, LocalDistrict, mutation.Id, mutation.Lead, grant.Id, grant.Member, league.Value, purchasing.Id, purchasing.Member);
    }

    private BenchCaller Admin => new(Roles.ConsortiumAdmin, [], [GlobalId.Encode("Consortium", ConsortiumId)], null);

    /// <summary>The read operations' names, which do not depend on the data: BenchmarkDotNet needs them before any data is read.</summary>
    public static IEnumerable<string> ReadNames => new BenchTargets(0, 0, 0, LocalDistrict, 0, 0, 0, "", 0, 0, "").Reads.Select(r => r.Name);

    /// <summary>The read operations, each with the baseline that answers the same question.</summary>
    public IReadOnlyList<BenchOperation> Reads =>
    [
        new("dashboard", "dashboard.graphql", new JsonObject { ["consortium"] = GlobalId.Encode("Consortium", ConsortiumId) }, Admin,
            $"/baseline/dashboard/{ConsortiumId}", (db, now, after, ct) => Bench.Baseline.DashboardAsync(db, ConsortiumId, ct)),
        new("partnership detail", "partnership-detail.graphql", new JsonObject { ["partnership"] = GlobalId.Encode("Partnership", PartnershipId) }, Admin,
            $"/baseline/partnership/{PartnershipId}", (db, now, after, ct) => Bench.Baseline.PartnershipAsync(db, PartnershipId, now, ct)),
        // The cursor of page 50 is found by paging (PageCursorAsync); the baseline takes the same cursor.
        new(BenchOperation.DistrictList, "district-list.graphql", new JsonObject(), BenchCaller.Anonymous,
            "/baseline/districts", (db, now, after, ct) => Bench.Baseline.DistrictPageAsync(db, after, ct)),
        new("district local fields", "district-local-fields.graphql", new JsonObject { ["code"] = LocalDistrictCode },
            new BenchCaller(Roles.DistrictStaff, [LocalDistrictCode], [], null),
            $"/baseline/district/{LocalDistrictCode}", (db, now, after, ct) => Bench.Baseline.DistrictLocalFieldsAsync(db, LocalDistrictCode, ct)),
        new("funder report", "funder-report.graphql", new JsonObject(), new BenchCaller(Roles.Funder, [], [], GlobalId.Encode("Funder", FunderId)),
            "/baseline/funding-report", (db, now, after, ct) => Bench.Baseline.FundingReportAsync(db, FunderId, ct)),
        new("grant books", "grant-books.graphql", new JsonObject { ["grant"] = GlobalId.Encode("Grant", GrantId), ["asOf"] = ScaleData.Today.ToString("yyyy-MM-dd") },
            new BenchCaller(Roles.DistrictStaff, [GrantMemberCode], [], null),
            $"/baseline/grant/{GrantId}?asOf={ScaleData.Today:yyyy-MM-dd}", (db, now, after, ct) => Bench.Baseline.GrantBooksAsync(db, GrantId, ScaleData.Today, ct)),
        new("purchasing savings", "purchasing-savings.graphql", new JsonObject { ["partnership"] = GlobalId.Encode("Partnership", PurchasingId) },
            new BenchCaller(Roles.DistrictStaff, [PurchasingMemberCode], [], null),
            $"/baseline/purchasing/{PurchasingId}", (db, now, after, ct) => Bench.Baseline.PurchasingSavingsAsync(db, PurchasingId, ct)),
        new("league trajectories", "league-trajectories.graphql", new JsonObject { ["league"] = GlobalId.Encode("League", LeagueId) }, Admin,
            $"/baseline/league/{LeagueId}", (db, now, after, ct) => Bench.Baseline.LeagueTrajectoriesAsync(db, LeagueId, ct)),
        new("practice search", "practice-search.graphql", new JsonObject { ["league"] = GlobalId.Encode("League", LeagueId), ["search"] = PracticeWords }, Admin,
            $"/baseline/league/{LeagueId}/practices?search={Uri.EscapeDataString(PracticeWords)}", (db, now, after, ct) => Bench.Baseline.PracticeSearchAsync(db, LeagueId, PracticeWords, ct)),
    ];

    /// <summary>
    /// The fan-out's subscribers: half of them staff of the mutation partnership's lead district (one scope, many
    /// people), the rest in turn staff of the consortium's other districts and its admins (who read its votes), and
    /// admins and funders of other consortia (who must receive nothing), each a person of their own.
    /// </summary>
    public async Task<IReadOnlyList<(BenchCaller Caller, bool Reads)>> FanOutCallersAsync(IDbContextFactory<ConsortiumDb> databases, int count, CancellationToken ct = default)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var codes = await db.ConsortiumMemberships.Where(m => m.ConsortiumId == ConsortiumId).OrderBy(m => m.DistrictId).Select(m => new { m.DistrictId, m.District.Code }).ToListAsync(ct);
        var lead = codes.Single(c => c.DistrictId == MutationDistrictId).Code;
        var others = await db.Consortia.Where(c => c.Id != ConsortiumId).OrderBy(c => c.Id).Select(c => c.Id).Take(100).ToListAsync(ct);
        var funders = await db.Funders.Where(f => f.Id != FunderId).OrderBy(f => f.Id).Select(f => f.Id).Take(100).ToListAsync(ct);
        var spread = new List<(BenchCaller, bool)>();
        spread.AddRange(codes.Where(c => c.Code != lead).Select(c => (new BenchCaller(Roles.DistrictStaff, [c.Code], [], null), true)));
        spread.Add((Admin, true));
        spread.AddRange(others.Select(o => (new BenchCaller(Roles.ConsortiumAdmin, [], [GlobalId.Encode("Consortium", o)], null), false)));
        spread.AddRange(funders.Select(f => (new BenchCaller(Roles.Funder, [], [], GlobalId.Encode("Funder", f)), false)));
        var callers = new List<(BenchCaller, bool)>();
        for (var i = 0; i < count; i++)
        {
            var (caller, reads) = i < count / 2 ? (new BenchCaller(Roles.DistrictStaff, [lead], [], null), true) : spread[(i - count / 2) % spread.Count];
            callers.Add((caller with { Subject = $"bench-fanout-{i}" }, reads));
        }
        return callers;
    }

    /// <summary>The mutation mix: four operations of one file, run in order, each feeding the next its IDs.</summary>
    public BenchOperation Mutations => new("mutation mix", "mutation-mix.graphql", new JsonObject
    {
        ["partnership"] = GlobalId.Encode("Partnership", MutationPartnershipId),
        ["district"] = GlobalId.Encode("District", MutationDistrictId),
    }, Admin);
}
