using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// <c>approvePlugin</c> and <c>revokePluginApproval</c>: a consortium admin decides which plugin builds
/// run for the districts of their consortia. Both reload the plugins once committed, so an approved
/// build serves (and a revoked one stops) without a restart.
/// </summary>
public static class PluginApprovalMutations
{
    public static void AddPluginApprovalMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<ApprovePluginInput, PluginApprovalType, PluginApproval>("approvePlugin",
            "Approves a plugin build that awaits approval (`plugins` lists it with its SHA-256), so it runs and serves its fields and rules. "
            + "Admins of consortia that every district the plugin speaks for belongs to only.", ApproveAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<RevokePluginApprovalInput, PluginApprovalType, PluginApproval>("revokePluginApproval",
            "Revokes a plugin build's approval: it stops serving at once and is listed as awaiting approval again. Same admins as approvePlugin.", RevokeAsync)
            .AuthorizeWithRoles(Readers.Admins);
    }

    private static async Task<PluginApproval?> ApproveAsync(MutationContext<ApprovePluginInput> m)
    {
        var ct = m.Field.CancellationToken;
        var (key, sha256) = Build(m, m.Input.Key, m.Input.Sha256);
        if (m.Failed) return null;
        if (await m.Db.PluginApprovals.AnyAsync(a => a.Key == key && a.Sha256 == sha256, ct))
        {
            m.Invalid("ALREADY_APPROVED", $"This build of `{key}` is approved already.", "sha256");
            return null;
        }
        if (m.Plugins.Pending.FirstOrDefault(p => p.Manifest.Key == key && p.Sha256 == sha256) is not { } pending)
        {
            m.Invalid("NOT_FOUND", $"No build of `{key}` with this SHA-256 awaits approval on this server; `plugins` lists the builds that do, with their hashes.", "sha256");
            return null;
        }
        var codes = (pending.Manifest.Districts ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        await RequireAdministeredAsync(m, codes, "key");
        if (m.Failed) return null;
        var approval = new PluginApproval
        {
            Key = key, Version = pending.Manifest.Version, Districts = string.Join(' ', codes), Sha256 = sha256,
            ApprovedAt = m.Now, ApprovedBy = m.Caller.Subject,
        };
        m.Db.PluginApprovals.Add(approval);
        var live = m.Field.RequestServices!.GetRequiredService<LiveSchema>();
        m.OnceCommitted(() => live.ReloadAsync());
        return approval;
    }

    private static async Task<PluginApproval?> RevokeAsync(MutationContext<RevokePluginApprovalInput> m)
    {
        var (key, sha256) = Build(m, m.Input.Key, m.Input.Sha256);
        if (m.Failed) return null;
        var approval = await m.Db.PluginApprovals.FirstOrDefaultAsync(a => a.Key == key && a.Sha256 == sha256, m.Field.CancellationToken);
        if (approval is null)
        {
            m.Invalid("NOT_FOUND", $"No approval of `{key}` has this SHA-256.", "sha256");
            return null;
        }
        await RequireAdministeredAsync(m, approval.DistrictCodes, "key");
        if (m.Failed) return null;
        m.Db.PluginApprovals.Remove(approval);
        var live = m.Field.RequestServices!.GetRequiredService<LiveSchema>();
        m.OnceCommitted(() => live.ReloadAsync());
        return approval;
    }

    private static (string Key, string Sha256) Build<TInput>(MutationContext<TInput> m, string key, string sha256)
    {
        key = key.Trim();
        sha256 = sha256.Trim().ToLowerInvariant();
        if (key.Length is 0 or > 40) m.Invalid("INVALID_KEY", "`key` is a plugin's key: 1-40 letters and digits.", "key");
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) m.Invalid("INVALID_SHA256", "`sha256` is 64 hexadecimal digits, as `plugins { sha256 }` shows it.", "sha256");
        return (key, sha256);
    }

    /// <summary>The plugin speaks for these districts: the admin must administer a consortium of every one of them.</summary>
    private static async Task RequireAdministeredAsync<TInput>(MutationContext<TInput> m, IReadOnlyList<string> codes, string inputField)
    {
        var districts = await m.Db.Districts.IgnoreQueryFilters().Where(d => codes.Contains(d.Code)).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(m.Field.CancellationToken);
        foreach (var code in codes.Where(c => districts.All(d => d.Code != c)))
            m.Invalid("NOT_FOUND", $"The plugin speaks for district {code}, which is not in this server's directory.", inputField);
        foreach (var district in districts)
            m.ActingFor(district.Id, district.Name, inputField);
    }
}
