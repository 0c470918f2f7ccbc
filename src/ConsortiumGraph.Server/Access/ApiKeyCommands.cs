using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Access;

/// <summary>
/// <c>apikeys create --role platform-admin --name NAME</c>: the first credential of an installation, made on
/// the server's own machine (whoever can run the server's binaries with its configuration operates it).
/// Applies the migrations, creates the key, audits it as the command line, and prints the key alone on
/// the last line of standard output; everything else goes to standard error.
/// </summary>
public static class ApiKeyCommands
{
    public const string Usage = "usage: ConsortiumGraph.Server apikeys create --role platform-admin --name NAME [--Setting=value ...]";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var name = Option("--name")?.Trim();
        if (args is not ["apikeys", "create", ..] || Option("--role") != Roles.PlatformAdmin || string.IsNullOrEmpty(name) || name.Length > 100)
        {
            await Console.Error.WriteLineAsync(Option("--role") is { } role && role != Roles.PlatformAdmin
                ? $"The command line creates platform-admin keys only; a platform admin creates the others with createApiKey.\n{Usage}"
                : Usage);
            return 2;
        }
        await app.Services.InitializeDatabaseAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync();
        if (await db.ApiKeys.AnyAsync(k => k.Name == name))
        {
            await Console.Error.WriteLineAsync($"An API key is already named {name}; pick another name (revoke the old key with revokeApiKey).");
            return 1;
        }
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var operatorName = $"command line ({Environment.UserName}@{Environment.MachineName})";
        var (text, prefix, hash) = ApiKey.Generate();
        db.ApiKeys.Add(new ApiKey
        {
            Name = name, Prefix = prefix, SecretHash = hash, Role = Roles.PlatformAdmin, Scope = "platform", CreatedAt = now, CreatedBy = operatorName,
        });
        // Audited as createApiKey is: the same entry, in no consortium's trail (platform admins read it).
        var caller = new Caller(Roles.PlatformAdmin, operatorName, new HashSet<int>(), [], [], null, []);
        await AuditEntry.SaveAuditedAsync(db, caller, "apikeys create (command line)", now, [],
            () => Task.FromResult<Func<object, (int?, int?)>>(_ => (null, null)), CancellationToken.None);
        await Console.Error.WriteLineAsync($"Created the platform-admin API key {name} ({prefix}). Send it as the X-Api-Key header; it is shown once:");
        await Console.Out.WriteLineAsync(text);
        return 0;
    }
}
