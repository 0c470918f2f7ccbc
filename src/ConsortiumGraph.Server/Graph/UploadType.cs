using GraphQL.Types;
using GraphQLParser.AST;

namespace ConsortiumGraph.Graph;

/// <summary>The multipart request spec's <c>Upload</c>: a file part of the request, mapped onto a variable.</summary>
public sealed class UploadType : ScalarGraphType
{
    public UploadType()
    {
        Name = "Upload";
        Description = "A file sent with the request as the GraphQL multipart request spec says (jaydenseric/graphql-multipart-request-spec): "
            + "POST multipart/form-data with `operations` (the request, this variable null), `map` (file part to variable path), then the files. "
            + "Only as a variable; at most GraphQL:Limits:MaxUploadBytes in all.";
    }

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        UploadedFile file => file,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value is GraphQLNullValue ? null : ThrowLiteralConversionError(value);

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLNullValue;

    public override object? Serialize(object? value) => value is UploadedFile file ? file.FileName : null;
}
