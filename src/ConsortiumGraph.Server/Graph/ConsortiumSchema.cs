using GraphQL.Types;

namespace ConsortiumGraph.Graph;

/// <summary>The core schema: the same for every district.</summary>
public sealed class ConsortiumSchema : Schema
{
    public ConsortiumSchema(IServiceProvider services) : base(services)
    {
        Description = "ConsortiumGraph: the API school-district consortia run on.";
        Query = services.GetRequiredService<QueryType>();
        Mutation = services.GetRequiredService<MutationType>();
        RegisterTypeMapping(typeof(DateOnly), typeof(DateType));
        // Implementations reached only through their interface.
        RegisterType(typeof(ValidationErrorType));
        RegisterType(typeof(RuleViolationType));
        RegisterType(typeof(NotAuthorizedErrorType));
        RegisterType(typeof(ConflictErrorType));
        foreach (var type in typeof(ConsortiumSchema).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(INodeType).IsAssignableFrom(t)))
            RegisterType(type);
    }
}
