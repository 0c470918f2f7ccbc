using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Graph;

public abstract class PayloadType<TNodeType, T> : ObjectType<Payload<T>> where TNodeType : IGraphType
{
    protected PayloadType(string name, string valueField, string valueDescription)
    {
        Name = name;
        this.AuthorizeWithRoles(Readers.Directory); // the mutation field itself says who may call it
        Description = $"The result of a mutation: `{valueField}` when it succeeded, `errors` when it did not (then nothing was saved).";
        Field<TNodeType>(valueField).Description(valueDescription + " Null on a dry run.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorInterface>>>>("errors")
            .Description("Why the mutation changed nothing; empty on success.").Resolve(c => c.Source.Errors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RuleViolationType>>>>("warnings")
            .Description("Advisory violations of district plugins' rules: the change was saved (or, on a dry run, would be) regardless.").Resolve(c => c.Source.Warnings);
    }
}
