using GraphQL.Types;
using GraphQL;
using GraphQL.Utilities;

namespace ConsortiumGraph.Graph;

public static class SchemaPrinting
{
    /// <summary>The schema as committed under schema/: SDL with descriptions, sorted by name so diffs show only real changes.</summary>
    public static string Sdl(ISchema schema) =>
        schema.Print(new PrintOptions { StringComparison = StringComparison.Ordinal, IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
}
