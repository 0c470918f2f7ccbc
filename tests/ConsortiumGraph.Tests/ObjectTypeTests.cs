using System.ComponentModel;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace ConsortiumGraph.Tests;

/// <summary>
/// A property field of <see cref="ObjectType{TSource}"/> is declared without compiling its resolver and reused by later
/// schema builds: it must be the field GraphQL.NET declares (type, nullability, description, deprecation, answer), and a
/// field that reads a captured value must not be reused, since the next build may capture another.
/// </summary>
public sealed class ObjectTypeTests
{
    public sealed record Sample(
        [property: Description("What the sample is called.")] string Title,
        string? Note,
        [property: Id] int Key,
        [property: Obsolete("Use title.")] string Label,
        SampleInner Inner,
        decimal? Amount,
        Task Later);

    public sealed record SampleInner(int Count);

    private const string Query = "{ sample { title note noteRequired key label count amount titled } }";

    /// <summary>The fields both sample types declare; the calls dispatch to the type's own Field methods.</summary>
    private static void Declare(ComplexGraphType<Sample> type, string suffix)
    {
        type.Name = "Sample";
        type.Field(x => x.Title);
        type.Field(x => x.Note);
        type.Field("noteRequired", x => x.Note, typeof(NonNullGraphType<StringGraphType>));
        type.Field(x => x.Key);
        type.Field(x => x.Label);
        type.Field("count", x => x.Inner.Count).Description("How many.");
        type.Field(x => x.Amount, nullable: true);
        type.Field("titled", x => x.Title + suffix);
    }

    /// <summary>Declared only here, so no other schema in the test process has built its fields first.</summary>
    private sealed class SampleType : ObjectType<Sample>
    {
        public SampleType(string suffix) => Declare(this, suffix);
    }

    /// <summary>The same declarations on GraphQL.NET's own base type.</summary>
    private sealed class SampleTypeByGraphQLNet : ObjectGraphType<Sample>
    {
        public SampleTypeByGraphQLNet(string suffix) => Declare(this, suffix);
    }

    private sealed class UnmappableType : ObjectType<Sample>
    {
        public UnmappableType()
        {
            Name = "Sample";
            Field(x => x.Later);
        }
    }

    private sealed class UnmappableTypeByGraphQLNet : ObjectGraphType<Sample>
    {
        public UnmappableTypeByGraphQLNet()
        {
            Name = "Sample";
            Field(x => x.Later);
        }
    }

    /// <summary>A property no graph type fits (a task) is refused where it is declared, in GraphQL.NET's own words.</summary>
    [Fact]
    public void A_property_no_graph_type_fits_is_refused_as_GraphQL_NET_refuses_it()
    {
        var expected = Assert.Throws<ArgumentException>(() => new UnmappableTypeByGraphQLNet());
        var refused = Assert.Throws<ArgumentException>(() => new UnmappableType());
        Assert.Equal(expected.Message, refused.Message);
        Assert.Contains("could not be derived implicitly", refused.Message);
    }

    private static ISchema Build(IObjectGraphType sample)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field("sample", sample).Resolve(_ => new Sample("Rural", "a note", 7, "old", new SampleInner(3), 12.50m, Task.CompletedTask));
        var schema = new Schema { Query = query };
        schema.Initialize();
        return schema;
    }

    private static async Task<string> RunAsync(ISchema schema) => await schema.ExecuteAsync(new GraphQLSerializer(), o => o.Query = Query);

    [Fact]
    public async Task A_property_field_is_the_field_GraphQL_NET_declares_and_a_captured_value_is_read_anew()
    {
        var reference = Build(new SampleTypeByGraphQLNet(" (first)"));
        var first = Build(new SampleType(" (first)"));
        var second = Build(new SampleType(" (second)"));

        var sdl = SchemaPrinting.Sdl(reference);
        Assert.Contains("\"What the sample is called.\"\n  title: String!", sdl);
        Assert.Contains("label: String! @deprecated(reason: \"Use title.\")", sdl);
        Assert.Contains("key: ID!", sdl);
        Assert.Equal(sdl, SchemaPrinting.Sdl(first));
        Assert.Equal(sdl, SchemaPrinting.Sdl(second));

        var answer = await RunAsync(reference);
        Assert.Contains("\"titled\":\"Rural (first)\"", answer);
        Assert.Equal(answer, await RunAsync(first));
        Assert.Equal(answer.Replace("(first)", "(second)"), await RunAsync(second));

        // Later builds reuse the property fields' resolvers; the captured field gets its own.
        var (a, b) = ((IObjectGraphType)first.AllTypes["Sample"]!, (IObjectGraphType)second.AllTypes["Sample"]!);
        Assert.Same(a.GetField("count")!.Resolver, b.GetField("count")!.Resolver);
        Assert.NotSame(a.GetField("titled")!.Resolver, b.GetField("titled")!.Resolver);
    }
}
