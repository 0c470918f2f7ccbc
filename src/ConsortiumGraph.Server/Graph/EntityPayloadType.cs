using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Graph;

/// <summary>The payload of a mutation on one kind of entity, e.g. CommitmentPayload { commitment, errors }.</summary>
public sealed class EntityPayloadType<TNodeType, T>() : PayloadType<TNodeType, T>(
    $"{typeof(TNodeType).GraphQLName()}Payload",
    char.ToLowerInvariant(typeof(TNodeType).GraphQLName()[0]) + typeof(TNodeType).GraphQLName()[1..],
    $"The {typeof(TNodeType).GraphQLName()} as saved; null when there are errors.")
    where TNodeType : IGraphType;
