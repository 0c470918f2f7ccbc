using ConsortiumGraph.LocalFields;
using ConsortiumGraph.PluginHost;
using GraphQL.Types;

namespace ConsortiumGraph.Graph;

/// <summary>
/// The core schema, the same for every district, composed with one set of district plugins. A schema
/// is sealed once initialized, so a changed plugin set gets a new instance (see <see cref="LiveSchema"/>).
/// </summary>
public sealed class ConsortiumSchema : Schema
{
    public ConsortiumSchema(IServiceProvider services, PluginSet plugins) : base(services)
    {
        Plugins = plugins;
        Description = "ConsortiumGraph: the API school-district consortia run on.";
        // Introspection as the October 2021 specification and graphql-js serve it (__Directive.isRepeatable,
        // includeDeprecated on arguments and input fields); SpecIntrospection adds what GraphQL.NET lacks.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        RegisterVisitor(new SpecIntrospection());
        Query = services.GetRequiredService<QueryType>();
        Mutation = services.GetRequiredService<MutationType>();
        Subscription = services.GetRequiredService<Events.SubscriptionType>();
        RegisterTypeMapping(typeof(DateOnly), typeof(DateType));
        RegisterTypeMapping(typeof(UploadedFile), typeof(UploadType));
        // Money is Decimal: front ends need to know it is exact, so the built-in scalars say so.
        RegisterType(new DecimalGraphType { Description = "An exact decimal number, as a JSON number with its decimal places as stored (450000.00). Every amount of money is one, exact to the cent, in its consortium's `currency`; read it into a decimal type, not a binary float, to keep it exact." });
        RegisterType(new LongGraphType { Description = "A 64-bit whole number, as a JSON number (a count that can pass 2^31, such as units bought)." });
        // Input records nest (a commitment's local values, a partnership's decision rights): each maps to its input type.
        foreach (var (record, graphType) in InputRecords.All)
            RegisterTypeMapping(record, graphType);
        // Implementations reached only through their interface.
        RegisterType(typeof(ValidationErrorType));
        RegisterType(typeof(RuleViolationType));
        RegisterType(typeof(NotAuthorizedErrorType));
        RegisterType(typeof(ConflictErrorType));
        foreach (var type in typeof(ConsortiumSchema).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(INodeType).IsAssignableFrom(t)))
            RegisterType(type);
        // The `local` namespaces, composed from this schema's plugins.
        foreach (var entity in ExtensibleEntity.All)
            RegisterType(new LocalFieldsType(entity, plugins));
    }

    /// <summary>The plugins this schema was composed with; mutations run their rules.</summary>
    public PluginSet Plugins { get; }
}
