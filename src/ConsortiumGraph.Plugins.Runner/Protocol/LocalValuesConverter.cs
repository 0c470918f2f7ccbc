using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>A plugin's <see cref="LocalValues"/> as an object of tagged values by field name.</summary>
public sealed class LocalValuesConverter : JsonConverter<LocalValues>
{
    public override LocalValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("Local values are an object.");
        var values = new Dictionary<string, object?>();
        foreach (var property in document.RootElement.EnumerateObject()) values[property.Name] = WireValue.Read(property.Value);
        return new LocalValues(values);
    }

    public override void Write(Utf8JsonWriter writer, LocalValues value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, item) in value)
        {
            writer.WritePropertyName(name);
            WireValue.Write(writer, item);
        }
        writer.WriteEndObject();
    }
}
