using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Access;

public static class ApiKeyMutations
{
    public static void AddApiKeyMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateApiKeyInput, ApiKeyType, ApiKey>("createApiKey",
            "Creates an API key for a service; its secret is in the payload, once. Consortium admins only.", CreateAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<RevokeApiKeyInput, ApiKeyType, ApiKey>("revokeApiKey",
            "Revokes an API key: requests with it are refused from now on. The key stays listed, with when it was revoked.", RevokeAsync)
            .AuthorizeWithRoles(Readers.Admins);
    }

    public static void AddApiKeys(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyType>>>>("apiKeys").Description("The API keys created in your consortia, newest first. Consortium admins only.")
            .AuthorizeWithRoles(Readers.Admins)
            // The row filter lists the keys all of whose consortia the caller administers.
            .ResolveAsync(async c => await c.Loaders().ReadAsync(db => db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(c.CancellationToken), c.CancellationToken));

    // Who created a key, readable in the trail: "[1,2] subject", the creator's consortia first.
    private static string CreatorTag(Caller caller) => $"[{string.Join(',', caller.Consortia.Order())}]";

    private static async Task<ApiKey?> CreateAsync(MutationContext<CreateApiKeyInput> m)
    {
        var input = m.Input;
        var ct = m.Field.CancellationToken;
        var name = m.Text(input.Name, "name", 100);
        // No admin mints a credential wider than its own: the key's consortia are the caller's, or some of them.
        var consortia = (input.ConsortiumIds ?? []).Select(id => m.Id(id, "Consortium", "consortiumIds")).OfType<int>().Distinct().ToList();
        if (consortia.Any(id => !m.Caller.Consortia.Contains(id)))
            m.Invalid("NOT_FOUND", "Every consortium in `consortiumIds` must be one you administer.", "consortiumIds");
        if (input.ConsortiumIds is null or [] && input.Role is not (ApiKeyRole.ConsortiumAdmin or ApiKeyRole.PlatformAdmin)) consortia = [.. m.Caller.Consortia];
        string? scope = null;
        switch (input.Role)
        {
            case ApiKeyRole.PlatformAdmin:
                if (!m.Caller.IsPlatformAdmin)
                    m.Forbidden("Only a platform admin creates a PLATFORM_ADMIN key.", "role");
                if (input.ConsortiumIds is { Count: > 0 }) m.Invalid("OUT_OF_RANGE", "A PLATFORM_ADMIN key acts in every consortium; leave `consortiumIds` out.", "consortiumIds");
                consortia = [];
                scope = "platform";
                break;
            case ApiKeyRole.DistrictStaff:
                var codes = (input.DistrictCodes ?? []).Distinct().ToList();
                var found = await m.Db.Districts.Where(d => codes.Contains(d.Code))
                    .Select(d => new { d.Id, d.Code, d.Name, InKeyConsortia = d.ConsortiumMemberships.Any(c => consortia.Contains(c.ConsortiumId) && c.LeftOn == null) }).ToListAsync(ct);
                if (codes.Count == 0) m.Invalid("REQUIRED", "A DISTRICT_STAFF key names its districts in `districtCodes`.", "districtCodes");
                foreach (var code in codes.Where(c => found.All(f => f.Code != c)))
                    m.Invalid("NOT_FOUND", $"No district of your consortia has the code {code}.", "districtCodes");
                foreach (var district in found.Where(f => !m.Caller.ActsFor(f.Id)))
                    m.ActingFor(district.Id, district.Code, "districtCodes");
                foreach (var district in found.Where(f => !f.InKeyConsortia))
                    m.Invalid("NOT_A_MEMBER", $"{district.Name} is not a member of any of the key's consortia.", "districtCodes");
                scope = string.Join(' ', codes);
                break;
            case ApiKeyRole.ConsortiumAdmin:
                if (input.ConsortiumIds is null or []) m.Invalid("REQUIRED", "A CONSORTIUM_ADMIN key names its consortia in `consortiumIds`.", "consortiumIds");
                scope = string.Join(' ', consortia.Order().Select(id => GlobalId.Encode("Consortium", id)));
                break;
            case ApiKeyRole.Funder:
                if (await m.Find<Grants.Funder>(input.FunderId, "Funder", "funderId") is { } funder
                    && !await m.Db.Grants.AnyAsync(g => g.FunderId == funder.Id && consortia.Contains(g.Partnership.ConsortiumId), ct))
                    m.Invalid("NOT_FOUND", "The funder funds no partnership of the key's consortia.", "funderId");
                if (input.FunderId is null) m.Invalid("REQUIRED", "A FUNDER key names its funder in `funderId`.", "funderId");
                scope = input.FunderId;
                break;
        }
        if (name is not null && await m.Db.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.Name == name, ct))
            m.Invalid("DUPLICATE_NAME", $"An API key is already named {name}.", "name");
        if (m.Failed || name is null) return null;

        var (text, prefix, hash) = ApiKey.Generate();
        var key = new ApiKey
        {
            Name = name, Prefix = prefix, SecretHash = hash, Scope = scope!, CreatedAt = m.Now,
            Role = input.Role switch
            {
                ApiKeyRole.PlatformAdmin => Roles.PlatformAdmin, ApiKeyRole.ConsortiumAdmin => Roles.ConsortiumAdmin, ApiKeyRole.DistrictStaff => Roles.DistrictStaff, _ => Roles.Funder,
            },
            CreatedBy = $"{CreatorTag(m.Caller)} {m.Caller.Subject}",
            Secret = text,
            Consortia = [.. consortia.Order().Select(id => new ApiKeyConsortium { ConsortiumId = id })],
        };
        m.Db.ApiKeys.Add(key);
        return key;
    }

    private static async Task<ApiKey?> RevokeAsync(MutationContext<RevokeApiKeyInput> m)
    {
        // Only admins of every consortium the key acts in find it (the row filter); to others it does not exist.
        var key = await m.Find<ApiKey>(m.Input.Id, "ApiKey", "id");
        if (key is null) return null;
        key.RevokedAt ??= m.Now;
        return key;
    }
}
