using System.Text.Json;

namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>Assertions on mutation payloads: typed errors with codes and paths, warnings.</summary>
public static class PayloadAssert
{
    public const string Errors = "errors { __typename code message path ... on RuleViolation { rule plugin } } warnings { code message path rule plugin }";

    public static JsonElement AssertError(JsonElement payload, string typename, string code, params string[] path)
    {
        var errors = payload.GetProperty("errors").EnumerateArray().ToList();
        // With a path, the error must be the one at that path (a payload can hold one code at several paths).
        var error = errors.FirstOrDefault(e => e.GetProperty("code").GetString() == code
            && (path.Length == 0 || (e.GetProperty("path").ValueKind == JsonValueKind.Array && e.GetProperty("path").EnumerateArray().Select(p => p.GetString()).SequenceEqual(path))));
        Assert.True(error.ValueKind == JsonValueKind.Object, $"expected {code}{(path.Length == 0 ? "" : " at " + string.Join('.', path))} in {payload}");
        Assert.Equal(typename, error.GetProperty("__typename").GetString());
        if (path.Length > 0)
            Assert.Equal(path, error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        if (typename == "RuleViolation" && error.GetProperty("plugin").ValueKind == JsonValueKind.Null)
            Assert.Equal(code, error.GetProperty("rule").GetString());
        return error;
    }

    /// <summary>A district plugin's blocking violation: a RuleViolation naming the rule and the plugin.</summary>
    public static JsonElement AssertPluginViolation(JsonElement payload, string plugin, string rule, params string[] path)
    {
        var error = AssertError(payload, "RuleViolation", rule, path);
        Assert.Equal(rule, error.GetProperty("rule").GetString());
        Assert.Equal(plugin, error.GetProperty("plugin").GetString());
        return error;
    }

    public static void AssertOk(JsonElement payload) =>
        Assert.True(payload.GetProperty("errors").GetArrayLength() == 0, $"expected no errors in {payload}");

    public static string[] WarningRules(JsonElement payload) =>
        payload.GetProperty("warnings").EnumerateArray().Select(w => $"{w.GetProperty("plugin").GetString()}:{w.GetProperty("rule").GetString()}").ToArray();
}
