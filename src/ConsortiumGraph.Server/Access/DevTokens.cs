using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Access;

/// <summary>A demo user and a token for it, to try the API as each role without an identity provider.</summary>
public sealed record DemoUser(string User, string Role, string Description, string Token);

/// <summary>
/// Tokens for the demo consortium's users, signed with <c>Auth:SigningKey</c>: served at <c>/dev/tokens</c>
/// when <c>Auth:DevTokens</c> is on (by default only in Development), and printed by <c>tokens demo</c>.
/// </summary>
public static class DevTokens
{
    public static async Task<IReadOnlyList<DemoUser>> DemoUsersAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var issuer = services.GetRequiredService<TokenIssuer>();
        await using var db = await services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync(ct);
        var consortia = await db.Consortia.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var funders = await db.Funders.OrderBy(f => f.Id).Select(f => new { f.Id, f.Name }).ToListAsync(ct);
        var districts = await db.Districts.Where(d => d.Code == "5000310" || d.Code == "5000420").OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct);
        var users = new List<DemoUser>
        {
            new("consortium-admin", Roles.ConsortiumAdmin, $"Administers {string.Join(" and ", consortia.Select(c => c.Name))}.",
                issuer.Issue("demo-admin", Roles.ConsortiumAdmin, consortia: consortia.Select(c => GlobalId.Encode("Consortium", c.Id)))),
        };
        users.AddRange(districts.Select(d => new DemoUser($"staff-{d.Code}", Roles.DistrictStaff, $"Staff of {d.Name}: reads the consortium, changes only its own district's part.",
            issuer.Issue($"demo-staff-{d.Code}", Roles.DistrictStaff, districts: [d.Code]))));
        users.AddRange(funders.Select(f => new DemoUser($"funder-{f.Id}", Roles.Funder, $"{f.Name}: reads only what it funds, no staff names or local fields.",
            issuer.Issue($"demo-funder-{f.Id}", Roles.Funder, funder: GlobalId.Encode("Funder", f.Id)))));
        // A League school's principal in a district of two consortia, and the charter school's, outside the member districts.
        var leaders = await db.Schools.Where(s => s.LeagueMemberships.Any() && (s.District.Code == "5000310" || s.District.Code == "5099901"))
            .OrderBy(s => s.Code).Select(s => new { s.Code, s.Name, District = s.District.Code }).ToListAsync(ct);
        users.AddRange(leaders.GroupBy(s => s.District).Select(g => g.First()).Select(s => new DemoUser($"leader-{s.Code}", Roles.SchoolLeader,
            $"Principal of {s.Name}: acts for the school in the League, reads the League and the directory, nothing else.",
            issuer.Issue($"demo-leader-{s.Code}", Roles.SchoolLeader, schools: [s.Code]))));
        users.Add(new DemoUser("platform-admin", Roles.PlatformAdmin, "Operates the installation: creates consortia, keeps the directory, appoints consortium admins.",
            issuer.Issue("demo-platform-admin", Roles.PlatformAdmin)));
        return users;
    }

    public static void MapDevTokens(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<AuthOptions>();
        if (!(options.DevTokens ?? app.Environment.IsDevelopment()) || options.SigningKey is null) return;
        // Not (HttpContext) => ...: that binds as a RequestDelegate and drops the result.
        app.MapGet("/dev/tokens", async (IServiceProvider services, CancellationToken ct) => Results.Json(new
        {
            howTo = "In the IDE, open Headers and paste {\"Authorization\": \"Bearer <token>\"}. Development only: never enable Auth:DevTokens in production.",
            users = await DemoUsersAsync(services, ct),
        }));
    }

    /// <summary><c>tokens demo</c>: prints a token per demo user, signed with the configured key.</summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        if (!app.Services.GetRequiredService<TokenIssuer>().CanIssue)
        {
            await Console.Error.WriteLineAsync("Auth:SigningKey is not set: configure it (at least 32 characters) to issue tokens.");
            return 2;
        }
        await app.Services.InitializeDatabaseAsync();
        foreach (var user in await DemoUsersAsync(app.Services))
            await Console.Out.WriteLineAsync($"{user.User}\t{user.Role}\t{user.Token}\n  {user.Description}");
        return 0;
    }
}
