using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("Cancels an expenditure recorded in error with a reversal: a new entry of the opposite amount, on the same day, category and member, so the books keep both.")]
public sealed class ReverseExpenditureInput
{
    [Description("The expenditure; not a reversal itself, and not reversed already.")]
    [Id]
    public required string ExpenditureId { get; init; }
    [Description("Why (\"Charged to the wrong grant\"), at most 200 characters.")]
    public required string Reason { get; init; }
    [Description("The grant's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
