using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>The values a computed field returns, one per entity, tagged.</summary>
[JsonConverter(typeof(WireValuesConverter))]
public sealed record WireValues(IReadOnlyList<object?> Items);

public sealed class WireValuesConverter : JsonConverter<WireValues>
{
    public override WireValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Array) throw new JsonException("Computed values are an array.");
        return new WireValues(document.RootElement.EnumerateArray().Select(WireValue.Read).ToList());
    }

    public override void Write(Utf8JsonWriter writer, WireValues value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value.Items) WireValue.Write(writer, item);
        writer.WriteEndArray();
    }
}
