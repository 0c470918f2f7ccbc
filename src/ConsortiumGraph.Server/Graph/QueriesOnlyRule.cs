using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConsortiumGraph.Graph;

/// <summary>
/// GET never changes data: an operation other than a query, sent where only queries may run, is refused
/// before anything executes. A validation rule, so it holds for cached documents too.
/// </summary>
public sealed class QueriesOnlyRule : ValidationRuleBase
{
    public const string Code = "METHOD_NOT_ALLOWED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.UserContext.TryGetValue(GraphQLExecution.QueriesOnlyKey, out var only) && only is true
            && context.Operation.Operation != OperationType.Query)
            context.ReportError(new Access.LimitError(context, Code, "Send mutations with POST; GET runs queries only.", context.Operation));
        return default;
    }
}
