using System.ComponentModel;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace ConsortiumGraph.Tests;

/// <summary>
/// A property field of <see cref="ObjectType{TSource}"/> is built once per process and copied into later schemas: the
/// copy must be the same field (type, nullability, description, resolver), and a field that reads a captured value must
/// not be copied, since the next build may capture another.
/// </summary>
public sealed class ObjectTypeTests
{
    public sealed record Sample([property: Description("What the sample is called.")] string Title, string? Note, SampleInner Inner);

    public sealed record SampleInner(int Count);

    /// <summary>Declared only here, so the first build in this test is the one GraphQL.NET builds and the second the copy.</summary>
    private sealed class SampleType : ObjectType<Sample>
    {
        public SampleType(string suffix)
        {
            Name = "Sample";
            Field(x => x.Title);
            Field(x => x.Note);
            Field("noteRequired", x => x.Note, typeof(NonNullGraphType<StringGraphType>));
            Field("count", x => x.Inner.Count).Description("How many.");
            Field("titled", x => x.Title + suffix);
        }
    }

    private static ISchema Build(string suffix)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field("sample", new SampleType(suffix)).Resolve(_ => new Sample("Rural", "a note", new SampleInner(3)));
        var schema = new Schema { Query = query };
        schema.Initialize();
        return schema;
    }

    private static async Task<string> RunAsync(ISchema schema) =>
        await schema.ExecuteAsync(new GraphQLSerializer(), o => o.Query = "{ sample { title note noteRequired count titled } }");

    [Fact]
    public async Task A_copied_field_is_the_field_GraphQL_NET_built_and_a_captured_value_is_read_anew()
    {
        var first = Build(" (first)");
        var second = Build(" (second)");

        Assert.Equal(SchemaPrinting.Sdl(first), SchemaPrinting.Sdl(second));
        Assert.Contains("\"What the sample is called.\"\n  title: String!", SchemaPrinting.Sdl(second));
        Assert.Contains("note: String\n", SchemaPrinting.Sdl(second));
        Assert.Contains("\"How many.\"\n  count: Int!", SchemaPrinting.Sdl(second));
        Assert.Equal("""{"data":{"sample":{"title":"Rural","note":"a note","noteRequired":"a note","count":3,"titled":"Rural (first)"}}}""", await RunAsync(first));
        Assert.Equal("""{"data":{"sample":{"title":"Rural","note":"a note","noteRequired":"a note","count":3,"titled":"Rural (second)"}}}""", await RunAsync(second));
        // The copies share the compiled resolver; the captured field has its own.
        var (a, b) = (((IObjectGraphType)first.AllTypes["Sample"]!), ((IObjectGraphType)second.AllTypes["Sample"]!));
        Assert.Same(a.GetField("count")!.Resolver, b.GetField("count")!.Resolver);
        Assert.NotSame(a.GetField("titled")!.Resolver, b.GetField("titled")!.Resolver);
    }
}
