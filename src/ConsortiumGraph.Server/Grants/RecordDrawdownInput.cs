using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("Funds the fiscal agent requests from the funder; all drawdowns together may not exceed the award.")]
public sealed class RecordDrawdownInput
{
    [Description("The grant; it must be ACTIVE.")]
    [Id]
    public required string GrantId { get; init; }
    [Description("The day the funds were requested; today when omitted. Not before the grant started, not in the future.")]
    public DateOnly? RequestedOn { get; init; }
    [Description("The amount requested, exact to the cent; more than 0.")]
    public required decimal Amount { get; init; }
    [Description("The request's reference in the funder's payment system, at most 100 characters.")]
    public string? Reference { get; init; }
    [Description("The grant's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
