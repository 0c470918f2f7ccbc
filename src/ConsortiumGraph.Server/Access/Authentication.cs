using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using ConsortiumGraph.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ConsortiumGraph.Access;

/// <summary>
/// <c>Auth:*</c>: how callers prove who they are. Tokens are JWTs signed with <see cref="SigningKey"/>
/// (or issued by <see cref="Authority"/>, an OpenID Connect provider); services may send an API key instead.
/// </summary>
public sealed class AuthOptions
{
    public string Issuer { get; set; } = "consortiumgraph";
    public string Audience { get; set; } = "consortiumgraph";
    /// <summary>A shared secret of at least 32 characters for HMAC-SHA256 tokens; none means tokens come only from <see cref="Authority"/>.</summary>
    public string? SigningKey { get; set; }
    public string? Authority { get; set; }
    /// <summary>Serve <c>/dev/tokens</c>, tokens for the demo users; on only in Development by default.</summary>
    public bool? DevTokens { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
    /// <summary>How far a token's times may be off this server's clock; a WebSocket opened with a token closes this long after its <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);
}

public static class Authentication
{
    private const string Scheme = "ConsortiumGraph";
    public const string ApiKeyHeader = "X-Api-Key";

    public static IServiceCollection AddConsortiumAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        if (options.SigningKey is { Length: < 32 })
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 characters (256 bits) long.");
        services.AddSingleton(options);
        services.AddSingleton(configuration.GetSection("Access").Get<AccessOptions>() ?? new AccessOptions());
        services.AddSingleton<TokenIssuer>();
        services.AddHttpContextAccessor();
        services.AddScoped<RequestCaller>();
        services.AddAuthentication(Scheme)
            // An API key header picks the API key handler; anything else is a bearer token (or no credentials).
            .AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeyHeader) ? ApiKeyHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false; // keep role, district, consortium and funder as named
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.Authority?.StartsWith("https://", StringComparison.Ordinal) ?? true;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Authority ?? options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = options.SigningKey is null ? null : TokenIssuer.Key(options.SigningKey),
                    ValidateIssuerSigningKey = true,
                    NameClaimType = "sub",
                    RoleClaimType = Roles.RoleClaim,
                    ClockSkew = options.ClockSkew,
                };
            });
        return services;
    }

    /// <summary>
    /// Credentials were sent but did not authenticate: the request is refused, never served as anonymous.
    /// A request carries one credential: with both a bearer token and an API key, only one would be
    /// checked, so a forged token beside a valid key (or the reverse) must not pass; both together are refused.
    /// </summary>
    public static bool PresentedInvalidCredentials(HttpContext http) =>
        PresentedInvalidCredentials(http.Request.Headers.Authorization.Count > 0, http.Request.Headers.ContainsKey(ApiKeyHeader), http.User);

    public static bool PresentedInvalidCredentials(bool authorization, bool apiKey, ClaimsPrincipal? user) =>
        (authorization && apiKey) || ((authorization || apiKey) && user?.Identity?.IsAuthenticated != true);
}

/// <summary>Mints tokens signed with <c>Auth:SigningKey</c>: for /dev/tokens, <c>tokens issue</c> and the test kit.</summary>
public sealed class TokenIssuer(AuthOptions options)
{
    public static SymmetricSecurityKey Key(string secret) => new(Encoding.UTF8.GetBytes(secret));

    public bool CanIssue => options.SigningKey is not null;

    public string Issue(string subject, string role, IEnumerable<string>? districts = null, IEnumerable<string>? consortia = null, string? funder = null,
        IEnumerable<string>? schools = null)
    {
        if (options.SigningKey is null) throw new InvalidOperationException("Auth:SigningKey is not set, so this server cannot issue tokens.");
        var claims = new List<Claim> { new("sub", subject), new(Roles.RoleClaim, role) };
        claims.AddRange((districts ?? []).Select(d => new Claim(Roles.DistrictClaim, d)));
        claims.AddRange((consortia ?? []).Select(c => new Claim(Roles.ConsortiumClaim, c)));
        claims.AddRange((schools ?? []).Select(s => new Claim(Roles.SchoolClaim, s)));
        if (funder is not null) claims.Add(new Claim(Roles.FunderClaim, funder));
        // Real time, not the domain clock (which tests move): validation checks lifetimes against real time.
        var now = DateTime.UtcNow;
        var token = new JwtSecurityToken(options.Issuer, options.Audience, claims, now.AddSeconds(-5), now.Add(options.TokenLifetime),
            new SigningCredentials(Key(options.SigningKey), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}

/// <summary>Authenticates <c>X-Api-Key: cgk_PREFIX_SECRET</c> against the stored hashes; a revoked or unknown key is refused.</summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<ConsortiumDb> databases) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    /// <summary>The key's row ID, so a WebSocket opened with it can be closed when it is revoked.</summary>
    public const string ApiKeyClaim = "api_key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var text = Request.Headers[Authentication.ApiKeyHeader].ToString();
        if (!ApiKey.TryParse(text, out var prefix, out var secret)) return AuthenticateResult.Fail("malformed API key");
        await using var db = await databases.CreateDbContextAsync(Context.RequestAborted);
        var key = await db.ApiKeys.AsNoTracking().Include(k => k.Consortia).FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null || key.RevokedAt is not null || !key.Matches(secret)) return AuthenticateResult.Fail("unknown or revoked API key");
        var claims = new List<Claim> { new("sub", $"api-key:{key.Name}"), new(Roles.RoleClaim, key.Role), new(ApiKeyClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        // The key's consortia bound every role: an admin's are its scope; staff and funders act only inside them.
        claims.AddRange(key.Consortia.Select(c => new Claim(Roles.ConsortiumClaim, Graph.GlobalId.Encode("Consortium", c.ConsortiumId))));
        if (key.Role is Roles.DistrictStaff or Roles.Funder)
        {
            var claimType = key.Role == Roles.DistrictStaff ? Roles.DistrictClaim : Roles.FunderClaim;
            claims.AddRange(key.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => new Claim(claimType, v)));
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, "sub", Roles.RoleClaim)), SchemeName));
    }
}
