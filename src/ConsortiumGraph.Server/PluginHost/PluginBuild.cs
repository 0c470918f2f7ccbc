using System.Security.Cryptography;
using System.Text;

namespace ConsortiumGraph.PluginHost;

/// <summary>What identifies a plugin build for approval: the SHA-256 of its whole folder.</summary>
public static class PluginBuild
{
    /// <summary>
    /// SHA-256 over every file of the folder, in ordinal order of their paths relative to it (with '/'):
    /// for each file, its path's UTF-8 bytes, a zero byte, its length as 8 bytes little-endian, its bytes.
    /// Any added, removed, renamed or changed file changes it. Lower-case hex.
    /// </summary>
    public static string Sha256(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(folder, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Path, StringComparer.Ordinal);
        Span<byte> length = stackalloc byte[8];
        foreach (var (path, full) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path));
            hash.AppendData([0]);
            var bytes = File.ReadAllBytes(full);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, bytes.LongLength);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
