using System.Security.Cryptography;
using System.Text;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Access;

/// <summary>
/// A named, revocable credential for a service (a funder's reporting job, a district's data sync),
/// mapped to a role like a token. Only a hash of the secret is stored; the secret is shown once.
/// </summary>
public sealed class ApiKey : Entity
{
    public required string Name { get; set; }
    /// <summary>The key's public part, which finds it; the secret after it is checked against <see cref="SecretHash"/>.</summary>
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public required string Role { get; set; }
    /// <summary>District codes (district staff), consortium global IDs (admins) or a funder global ID (funders), space-separated.</summary>
    public required string Scope { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>The consortia the key acts in, whatever its role; at least one.</summary>
    public List<ApiKeyConsortium> Consortia { get; set; } = [];
    /// <summary>The whole key text, only on the object createApiKey returns; never stored.</summary>
    public string? Secret { get; set; }

    public const string Marker = "cgk";

    /// <summary>A new key's secret text (<c>cgk_PREFIX_SECRET</c>) and what to store of it.</summary>
    public static (string Text, string Prefix, string Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return ($"{Marker}_{prefix}_{secret}", prefix, Hash(secret));
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Splits presented key text into prefix and secret; false when it is not shaped like a key.</summary>
    public static bool TryParse(string text, out string prefix, out string secret)
    {
        prefix = secret = "";
        var parts = text.Split('_', 3);
        if (parts is not [Marker, { Length: 12 } p, { Length: > 20 and < 100 } s]) return false;
        (prefix, secret) = (p, s);
        return true;
    }

    /// <summary>Compares in constant time, so response timing tells nothing about the stored hash.</summary>
    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> k)
    {
        k.Property(x => x.Name).HasMaxLength(100);
        k.Property(x => x.Prefix).HasMaxLength(12);
        k.Property(x => x.SecretHash).HasMaxLength(64);
        k.Property(x => x.Role).HasMaxLength(32);
        k.Property(x => x.Scope).HasMaxLength(2000);
        k.Property(x => x.CreatedBy).HasMaxLength(200);
        k.HasIndex(x => x.Prefix).IsUnique();
        k.HasIndex(x => x.Name).IsUnique();
        k.Ignore(x => x.Secret);
    }
}
