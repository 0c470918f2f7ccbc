using System.Security.Claims;
using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Access;

/// <summary>The roles a caller holds, as the <c>role</c> claim of a token or API key names them.</summary>
public static class Roles
{
    /// <summary>The operator of an installation (a state agency, a national network): creates consortia, keeps the directory, appoints consortium admins, reads everything.</summary>
    public const string PlatformAdmin = "platform-admin";
    public const string ConsortiumAdmin = "consortium-admin";
    public const string DistrictStaff = "district-staff";
    public const string Funder = "funder";
    /// <summary>A school's principal or leadership team: acts for its own school in the League (letter, self-assessment, visits, practices), reads the League and the directory, nothing else.</summary>
    public const string SchoolLeader = "school-leader";
    /// <summary>Not a claim: what a request without credentials is, when anonymous access is on.</summary>
    public const string Anonymous = "anonymous";

    public static readonly string[] All = [PlatformAdmin, ConsortiumAdmin, DistrictStaff, Funder, SchoolLeader];

    /// <summary>Who holds a role, in words for messages: "District staff may not read ...".</summary>
    public static string Plural(string role) => role switch
    {
        PlatformAdmin => "Platform admins",
        ConsortiumAdmin => "Consortium admins",
        DistrictStaff => "District staff",
        Funder => "Funders",
        SchoolLeader => "School leaders",
        _ => "Anonymous callers",
    };

    /// <summary>
    /// Claims: <c>role</c>; <c>district</c> (codes, for district staff); <c>funder</c> (a global ID);
    /// <c>school</c> (codes, for school leaders); <c>consortium</c> (global IDs): the consortia an admin administers,
    /// and for district staff, funders and school leaders, when present, the only consortia they act in (an API key always carries them).
    /// </summary>
    public const string RoleClaim = "role", DistrictClaim = "district", ConsortiumClaim = "consortium", FunderClaim = "funder", SchoolClaim = "school";
}

/// <summary>Who may read the directory without credentials: everyone (the default), or no one.</summary>
public enum AnonymousAccess { Directory, None }

/// <summary>Who is calling, resolved once per request: role, and the rows that role reaches.</summary>
public sealed record Caller(string? Role, string Subject, IReadOnlySet<int> DistrictIds, IReadOnlyList<string> DistrictCodes,
    int[] Consortia, int? FunderId, int[] FundedPartnerships)
{
    /// <summary>Consortium admins, and platform admins, who administer every consortium of the installation.</summary>
    public bool IsAdmin => Role is Roles.ConsortiumAdmin or Roles.PlatformAdmin;
    public bool IsPlatformAdmin => Role == Roles.PlatformAdmin;
    public bool IsStaff => Role == Roles.DistrictStaff;
    public bool IsFunder => Role == Roles.Funder;
    public bool IsSchoolLeader => Role == Roles.SchoolLeader;

    /// <summary>A school leader's schools (by row ID); empty for every other role.</summary>
    public IReadOnlySet<int> SchoolIds { get; init; } = new HashSet<int>();

    /// <summary>
    /// The consortia whose Leagues this caller reads: an admin's or staff member's consortia; for a school leader, those its
    /// school's district is a member of and those whose League the school has joined or asked to join.
    /// </summary>
    public int[] LeagueConsortia { get; init; } = [];

    /// <summary>May this caller act for the district (commit, vote, sign, join, write its local fields)? Admins act for the districts of their consortia.</summary>
    public bool ActsFor(int districtId) => IsPlatformAdmin || ((IsAdmin || IsStaff) && DistrictIds.Contains(districtId));

    /// <summary>May this caller act for the school in the League? Its district's staff and admins, and its own leaders.</summary>
    public bool ActsForSchool(int schoolId, int districtId) => ActsFor(districtId) || (IsSchoolLeader && SchoolIds.Contains(schoolId));

    /// <summary>The rows this caller may read, enforced by the database's query filters.</summary>
    public void Apply(ConsortiumDb db)
    {
        // The operator reads every row of the installation.
        db.Unrestricted = IsPlatformAdmin;
        if (IsPlatformAdmin) return;
        // A school leader reads the directory as anyone may, and the League beyond it.
        db.DirectoryOnly = Role is Roles.Anonymous or Roles.SchoolLeader;
        db.VisibleConsortia = IsAdmin || IsStaff ? Consortia : [];
        db.LeagueConsortia = IsAdmin || IsStaff ? Consortia : LeagueConsortia;
        db.FundedPartnerships = FundedPartnerships;
        db.FunderId = FunderId ?? 0;
        db.VisibleDistricts = IsAdmin ? [.. DistrictIds] : [];
        db.AdministeredConsortia = IsAdmin ? Consortia : [];
        db.OwnBusinessRowsOnly = IsStaff;
        db.OwnDistricts = IsStaff ? [.. DistrictIds] : [];
    }

    /// <summary>The role a principal holds; null for none (anonymous callers when anonymous access is off, or an unknown role).</summary>
    public static string? RoleOf(ClaimsPrincipal? user, AnonymousAccess anonymous)
    {
        if (user?.Identity?.IsAuthenticated != true) return anonymous == AnonymousAccess.Directory ? Roles.Anonymous : null;
        var role = user.FindFirst(Roles.RoleClaim)?.Value;
        return Roles.All.Contains(role) ? role : null;
    }

    /// <remarks>
    /// Reads through <paramref name="db"/> unrestricted, ignoring the row filters: they are what this
    /// resolves, and their subqueries kept SQLite from seeking (4 ms per request for district staff on
    /// the national data, against a plain join's index seeks).
    /// </remarks>
    public static async Task<Caller> ResolveAsync(ClaimsPrincipal? user, AnonymousAccess anonymous, ConsortiumDb db, CancellationToken ct)
    {
        var role = RoleOf(user, anonymous);
        var subject = user?.FindFirst("sub")?.Value ?? user?.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user?.Identity?.Name ?? "anonymous";
        var codes = user?.FindAll(Roles.DistrictClaim).Select(c => c.Value).Distinct().ToList() ?? [];
        switch (role)
        {
            case Roles.DistrictStaff:
            {
                var districts = await db.Districts.IgnoreQueryFilters().AsNoTracking().Where(d => codes.Contains(d.Code))
                    .Select(d => new { d.Id, Consortia = d.ConsortiumMemberships.Where(m => m.LeftOn == null).Select(m => m.ConsortiumId).ToList() }).ToListAsync(ct);
                // A credential scoped to consortia (every API key is) acts only there, even for a district that belongs to more.
                if (ConsortiaClaimed(user) is { } scoped)
                    districts = [.. districts.Select(d => d with { Consortia = [.. d.Consortia.Where(scoped.Contains)] }).Where(d => d.Consortia.Count > 0)];
                return new Caller(role, subject, districts.Select(d => d.Id).ToHashSet(), codes,
                    districts.SelectMany(d => d.Consortia).Distinct().ToArray(), null, []);
            }
            case Roles.SchoolLeader:
            {
                var schoolCodes = user?.FindAll(Roles.SchoolClaim).Select(c => c.Value).Distinct().ToList() ?? [];
                var schools = await db.Schools.IgnoreQueryFilters().AsNoTracking().Where(s => schoolCodes.Contains(s.Code)).Select(s => new { s.Id, s.DistrictId }).ToListAsync(ct);
                var schoolIds = schools.Select(s => s.Id).ToList();
                var districtIds = schools.Select(s => s.DistrictId).ToList();
                // The consortia of the school's district, and those whose League the school is in (a charter's, a center's).
                var consortia = (await db.ConsortiumMemberships.IgnoreQueryFilters().AsNoTracking().Where(m => districtIds.Contains(m.DistrictId) && m.LeftOn == null).Select(m => m.ConsortiumId)
                    .Union(db.LeagueMemberships.IgnoreQueryFilters().AsNoTracking().Where(m => schoolIds.Contains(m.SchoolId) && m.LeftOn == null).Select(m => m.League.ConsortiumId))
                    .ToListAsync(ct)).AsEnumerable();
                if (ConsortiaClaimed(user) is { } scoped) consortia = consortia.Where(scoped.Contains);
                return new Caller(role, subject, new HashSet<int>(), [], [], null, [])
                {
                    SchoolIds = schoolIds.ToHashSet(), LeagueConsortia = [.. consortia.Distinct()],
                };
            }
            case Roles.ConsortiumAdmin:
            {
                var consortia = ConsortiaClaimed(user) ?? [];
                var districtIds = await db.ConsortiumMemberships.IgnoreQueryFilters().AsNoTracking().Where(m => consortia.Contains(m.ConsortiumId) && m.LeftOn == null).Select(m => m.DistrictId).ToListAsync(ct);
                return new Caller(role, subject, districtIds.ToHashSet(), codes, consortia, null, []);
            }
            case Roles.PlatformAdmin:
            {
                // Every consortium, so what checks "one you administer" holds for all of them; districts need no list (ActsFor).
                var consortia = await db.Consortia.IgnoreQueryFilters().AsNoTracking().Select(c => c.Id).ToArrayAsync(ct);
                return new Caller(role, subject, new HashSet<int>(), codes, consortia, null, []);
            }
            case Roles.Funder:
            {
                var funder = GlobalId.TryDecode(user!.FindFirst(Roles.FunderClaim)?.Value, "Funder", out var id) ? id : 0;
                var grants = db.Grants.IgnoreQueryFilters().AsNoTracking().Where(g => g.FunderId == funder);
                if (ConsortiaClaimed(user) is { } scoped) grants = grants.Where(g => scoped.Contains(g.Partnership.ConsortiumId));
                var funded = await grants.Select(g => g.PartnershipId).Distinct().ToArrayAsync(ct);
                return new Caller(role, subject, new HashSet<int>(), codes, [], funder, funded);
            }
            default:
                return new Caller(role, subject, new HashSet<int>(), codes, [], null, []);
        }
    }

    /// <summary>
    /// What <see cref="ResolveAsync"/> reads of a principal, but its subject: two principals with the same key resolve
    /// to the same rows, at any moment, whoever they are. Live updates run a document once per key and event
    /// (SubscriptionGroups). Kept beside ResolveAsync: a claim that comes to matter there must be added here.
    /// </summary>
    public static string ScopeKey(ClaimsPrincipal? user, AnonymousAccess anonymous)
    {
        string Claims(string type) => string.Join(',', (user?.FindAll(type).Select(c => c.Value) ?? []).Distinct().Order(StringComparer.Ordinal));
        return string.Join('|', RoleOf(user, anonymous) ?? "none", Claims(Roles.DistrictClaim), Claims(Roles.SchoolClaim),
            Claims(Roles.ConsortiumClaim), user?.FindFirst(Roles.FunderClaim)?.Value ?? "");
    }

    /// <summary>The consortia the credential names (global IDs that do not decode name none); null when it names none at all.</summary>
    private static int[]? ConsortiaClaimed(ClaimsPrincipal? user)
    {
        var claims = user?.FindAll(Roles.ConsortiumClaim).ToList() ?? [];
        return claims.Count == 0 ? null
            : [.. claims.Select(c => GlobalId.TryDecode(c.Value, "Consortium", out var id) ? id : 0).Where(id => id > 0).Distinct()];
    }
}

/// <summary>The caller of the current request, resolved on first use (one small read) and reused by every resolver.</summary>
public sealed class RequestCaller(IHttpContextAccessor http, IDbContextFactory<ConsortiumDb> databases, AccessOptions options)
{
    private readonly Lock _gate = new();
    private Task<Caller>? _caller;

    // Fields resolve in parallel: the first to ask starts the one lookup, the others await it.
    public Task<Caller> GetAsync(CancellationToken ct)
    {
        lock (_gate) return _caller ??= ResolveAsync(ct);
    }

    private async Task<Caller> ResolveAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await Caller.ResolveAsync(http.HttpContext?.User, options.Anonymous, db, ct);
    }
}

public sealed class AccessOptions
{
    public AnonymousAccess Anonymous { get; set; } = AnonymousAccess.Directory;
}
