using System.Buffers.Text;
using System.Text;

namespace ConsortiumGraph.Graph;

/// <summary>
/// Relay global IDs: the GraphQL type name and the row key, base64url-encoded so clients treat them
/// as opaque and never build them by hand.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, int id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id}"));

    public static bool TryDecode(string? value, out string typeName, out int id)
    {
        typeName = "";
        id = 0;
        if (string.IsNullOrEmpty(value) || value.Length > 128) return false;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(value); }
        catch (FormatException) { return false; }
        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out id) || id <= 0)
            return false;
        typeName = text[..colon];
        return true;
    }

    /// <summary>Decodes an ID that must name one type; false when it is malformed or of another type.</summary>
    public static bool TryDecode(string? value, string expectedType, out int id) =>
        TryDecode(value, out var type, out id) && type == expectedType;
}
