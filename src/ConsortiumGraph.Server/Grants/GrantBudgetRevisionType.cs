using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Grants;

public sealed class GrantBudgetRevisionType : ObjectType<GrantBudgetRevisionType.WithLines>
{
    /// <summary>A revision with the lines of it the caller may read.</summary>
    public sealed record WithLines(GrantBudgetRevision Revision, IReadOnlyList<GrantBudgetLine> Lines);

    public GrantBudgetRevisionType()
    {
        Name = "GrantBudgetRevision";
        Description = "One adopted version of a grant's budget, kept when a later one replaces it.";
        this.AuthorizeWithRoles(Access.Readers.Members);
        Field<NonNullGraphType<IntGraphType>>("number").Description("1 for the first budget, and so on.").Resolve(c => c.Source.Revision.Number);
        Field<NonNullGraphType<DateTimeGraphType>>("recordedAt").Description("When it was adopted.").Resolve(c => c.Source.Revision.RecordedAt);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why the budget changed.").Resolve(c => c.Source.Revision.Reason);
        Field<NonNullGraphType<DecimalGraphType>>("total").Description("The budget's total, every line included.").Resolve(c => c.Source.Revision.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantBudgetLineType>>>>("lines")
            .Description("Its lines; district staff see the partnership-wide ones and their own district's.").Resolve(c => c.Source.Lines);
    }
}
