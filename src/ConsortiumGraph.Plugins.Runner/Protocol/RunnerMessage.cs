using System.Text.Json;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>One frame: a request (<see cref="Id"/> and <see cref="Method"/>) or a reply (<see cref="ReplyTo"/>, with a result or an error).</summary>
public sealed class RunnerMessage
{
    public long Id { get; init; }
    public long ReplyTo { get; init; }
    public string? Method { get; init; }
    /// <summary>On a call back from the runner: the server's call whose plugin code made it.</summary>
    public long Parent { get; init; }
    public JsonElement Args { get; init; }
    public JsonElement Result { get; init; }
    public string? Error { get; init; }
    public string? Code { get; init; }

    private object? _payload;

    public static RunnerMessage Request(long id, string method, long parent, object? args) => new() { Id = id, Method = method, Parent = parent, _payload = args };
    public static RunnerMessage Reply(long replyTo, object? result) => new() { ReplyTo = replyTo, _payload = result };
    public static RunnerMessage Failure(long replyTo, string error, string? code) => new() { ReplyTo = replyTo, Error = error, Code = code };

    /// <summary>The message as UTF-8 JSON, after <paramref name="reserve"/> bytes left for the frame's header.</summary>
    public byte[] Serialize(int reserve = 0)
    {
        using var buffer = new MemoryStream();
        buffer.Position = reserve;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (Id != 0) writer.WriteNumber("id", Id);
            if (ReplyTo != 0) writer.WriteNumber("replyTo", ReplyTo);
            if (Method is not null) writer.WriteString("method", Method);
            if (Parent != 0) writer.WriteNumber("parent", Parent);
            if (Error is not null)
            {
                writer.WriteString("error", Error);
                if (Code is not null) writer.WriteString("code", Code);
            }
            else
            {
                writer.WritePropertyName(ReplyTo != 0 ? "result" : "args");
                JsonSerializer.Serialize(writer, _payload, _payload?.GetType() ?? typeof(object), Wire.Options);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static RunnerMessage Parse(byte[] frame)
    {
        var root = JsonSerializer.Deserialize<JsonElement>(frame); // not pooled: its elements outlive this call
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException("A frame is not a JSON object.");
        long Number(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : 0;
        string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var message = new RunnerMessage
        {
            Id = Number("id"), ReplyTo = Number("replyTo"), Method = Text("method"), Parent = Number("parent"), Error = Text("error"), Code = Text("code"),
            Args = root.TryGetProperty("args", out var args) ? args : default,
            Result = root.TryGetProperty("result", out var result) ? result : default,
        };
        if (message.ReplyTo == 0 && (message.Method is null || (message.Id == 0 && message.Method != "$cancel")))
            throw new InvalidDataException("A frame is neither a request nor a reply.");
        return message;
    }
}
