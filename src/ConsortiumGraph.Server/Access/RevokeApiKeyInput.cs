using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Access;

[Description("An API key to revoke; requests with it are refused from then on.")]
public sealed class RevokeApiKeyInput
{
    [Description("The key's ID.")]
    [Id]
    public required string Id { get; init; }
}
