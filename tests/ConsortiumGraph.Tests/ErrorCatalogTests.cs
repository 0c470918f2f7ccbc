using System.Text.RegularExpressions;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>docs/errors.md names every code the server can answer: a new code without a line there fails here.</summary>
public sealed partial class ErrorCatalogTests
{
    // The ways the server gives an error its code: payload errors, rule violations, field and request errors, limits, WebSocket errors.
    [GeneratedRegex("""
        (?:Invalid|Violates|ViolatesRenamed|SendError)\((?:[^,()]+,\s*)?"(?<code>[A-Z][A-Z0-9_]+)"
        |Code\s*=\s*"(?<code>[A-Z][A-Z0-9_]+)"
        |LimitError\(\w+,\s*"(?<code>[A-Z][A-Z0-9_]+)"
        |Refused\([^,]+,\s*"(?<code>[A-Z][A-Z0-9_]+)"
        |FailAsync\(http,\s*serializer,\s*[^,]+,\s*[^,]+,\s*"(?<code>[A-Z][A-Z0-9_]+)"
        |(?:NotAuthorizedError|ConflictError)\([^;]*?"(?<code>[A-Z][A-Z0-9_]+)",\s*(?:null|Path)
        |RequireMember\([^;]*"(?<code>[A-Z][A-Z0-9_]+)"\)
        |\?\s*"(?<code>[A-Z][A-Z0-9_]+_EXISTS)"\s*:\s*"(?<other>[A-Z][A-Z0-9_]+)"
        |const\s+string\s+(?:Code|MemberRequired)\s*=\s*"(?<code>[A-Z][A-Z0-9_]+)"
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex CodeDefinition();

    public static IEnumerable<(string Code, string File)> ServerCodes()
    {
        var source = Repository.File("src", "ConsortiumGraph.Server");
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations")
                         && !f.EndsWith("DemoData.cs") && !f.EndsWith("ScaleData.cs")))
            foreach (Match match in CodeDefinition().Matches(File.ReadAllText(file)))
                foreach (var group in new[] { match.Groups["code"], match.Groups["other"] }.Where(g => g.Success))
                    yield return (group.Value, Path.GetRelativePath(source, file));
    }

    [Fact]
    public void Every_code_the_server_defines_is_in_the_catalog()
    {
        var catalog = File.ReadAllText(Repository.File("docs", "errors.md"));
        var codes = ServerCodes().ToList();
        Assert.True(codes.Select(c => c.Code).Distinct().Count() > 50, "the scan found too few codes: the patterns no longer match the code");
        var missing = codes.Where(c => !catalog.Contains($"`{c.Code}`", StringComparison.Ordinal)).Select(c => $"{c.Code} ({c.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, "Codes without a line in docs/errors.md: " + string.Join(", ", missing));
    }
}
