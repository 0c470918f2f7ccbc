using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>
/// A local value with its kind, so it reads back as the same .NET type on the other side:
/// <c>{"s":"text"}</c>, <c>{"i":5}</c>, <c>{"l":5}</c> (long), <c>{"m":1.25}</c> (decimal, exact),
/// <c>{"f":1.25}</c> (double), <c>{"b":true}</c>, <c>{"d":"2026-10-01"}</c>, <c>{"a":[...]}</c>, or null.
/// </summary>
public static class WireValue
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); return;
            case string s: Tag(writer, "s", w => w.WriteStringValue(s)); return;
            case int i: Tag(writer, "i", w => w.WriteNumberValue(i)); return;
            case long l: Tag(writer, "l", w => w.WriteNumberValue(l)); return;
            case short or byte or sbyte or ushort: Tag(writer, "i", w => w.WriteNumberValue(Convert.ToInt32(value, CultureInfo.InvariantCulture))); return;
            case decimal m: Tag(writer, "m", w => w.WriteNumberValue(m)); return;
            case double d when double.IsFinite(d): Tag(writer, "f", w => w.WriteNumberValue(d)); return;
            case float f when float.IsFinite(f): Tag(writer, "f", w => w.WriteNumberValue(f)); return;
            case bool b: Tag(writer, "b", w => w.WriteBooleanValue(b)); return;
            case DateOnly date: Tag(writer, "d", w => w.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))); return;
            case Enum e: Tag(writer, "s", w => w.WriteStringValue(e.ToString())); return;
            case IEnumerable items:
                writer.WriteStartObject();
                writer.WriteStartArray("a");
                foreach (var item in items) Write(writer, item);
                writer.WriteEndArray();
                writer.WriteEndObject();
                return;
            default:
                throw new NotSupportedException($"A local value cannot be a {value.GetType().Name}; use string, int, decimal, bool, DateOnly or a list of those.");
        }
    }

    public static object? Read(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Object) throw new JsonException("A local value is null or a tagged object.");
        using var properties = element.EnumerateObject();
        if (!properties.MoveNext()) throw new JsonException("A tagged local value is empty.");
        var tagged = properties.Current;
        var v = tagged.Value;
        return tagged.Name switch
        {
            "s" => v.GetString(),
            "i" => v.GetInt32(),
            "l" => v.GetInt64(),
            "m" => v.GetDecimal(),
            "f" => v.GetDouble(),
            "b" => v.GetBoolean(),
            "d" => DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "a" => v.EnumerateArray().Select(Read).ToList(),
            _ => throw new JsonException($"`{tagged.Name}` is not a local value tag."),
        };
    }

    private static void Tag(Utf8JsonWriter writer, string tag, Action<Utf8JsonWriter> value)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(tag);
        value(writer);
        writer.WriteEndObject();
    }
}
