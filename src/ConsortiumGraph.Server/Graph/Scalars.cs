using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ConsortiumGraph.Graph;

/// <summary>A calendar date without time or zone, as the contract's <c>Date</c> (ISO 8601, <c>2025-09-02</c>).</summary>
public sealed class DateType : DateOnlyGraphType
{
    public DateType()
    {
        Name = "Date";
        Description = "A calendar date without time or time zone, ISO 8601 (2025-09-02).";
    }
}

/// <summary>Any JSON value: the values of plugin-defined local fields, checked against each plugin's declared types.</summary>
public sealed class JsonType : ScalarGraphType
{
    public JsonType()
    {
        Name = "JSON";
        Description = "Any JSON value. Used where the shape is defined at run time (plugin local fields) and checked by the server.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLIntValue i => long.Parse(i.Value.Span, provider: System.Globalization.CultureInfo.InvariantCulture),
        GraphQLFloatValue f => double.Parse(f.Value.Span, provider: System.Globalization.CultureInfo.InvariantCulture),
        GraphQLStringValue s => (string)s.Value,
        GraphQLEnumValue e => (string)e.Name.Value,
        GraphQLListValue l => l.Values?.Select(ParseLiteral).ToList() ?? [],
        GraphQLObjectValue o => o.Fields?.ToDictionary(f => (string)f.Name.Value, f => ParseLiteral(f.Value)) ?? [],
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        JsonElement element => JsonSerializer.Deserialize<object>(element),
        _ => value,
    };

    public override object? Serialize(object? value) => value;
}
