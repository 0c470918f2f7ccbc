using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace ConsortiumGraph.Graph;

/// <summary>Relay object identification.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "Relay object identification: every entity has a global, opaque ID that `node` and `nodes` resolve.";
        this.AuthorizeWithRoles(Readers.Directory);
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global, opaque ID of the object.");
    }
}

/// <summary>A graph type that <c>node(id:)</c> can load, whatever its entity type.</summary>
public interface INodeType
{
    IDataLoaderResult<object?> LoadNode(IResolveFieldContext context, int id);
}

/// <summary>An entity exposed as a Relay node: the global ID, the Node interface, and loading by key.</summary>
public abstract class NodeType<T> : ObjectType<T>, INodeType where T : Entity
{
    protected NodeType(string description)
    {
        Description = description;
        Interface<NodeInterface>();
        IsTypeOf = value => value is T;
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The global, opaque ID of the object; pass it to `node(id:)` or to mutations.")
            .Resolve(context => GlobalId.Encode(Name, context.Source.Id))
            .FieldType.AuthorizeWithRoles(Readers.Directory);
    }

    public IDataLoaderResult<object?> LoadNode(IResolveFieldContext context, int id) => context.ById<T>(id).Then(entity => (object?)entity);

    /// <remarks>
    /// A node type reads as <see cref="Readers.Members"/> unless it declares its own readers. Set here, once the subclass's
    /// constructor ran, and not in this constructor: roles add up, so a default set first would widen every narrower
    /// declaration to it (an audit entry declared for admins was selectable by staff through <c>node</c>).
    /// </remarks>
    public override void Initialize(ISchema schema)
    {
        base.Initialize(schema);
        if (this.GetRoles() is null) this.AuthorizeWithRoles(Readers.Members);
    }
}
