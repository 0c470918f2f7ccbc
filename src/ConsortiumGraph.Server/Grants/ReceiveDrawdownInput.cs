using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("Records the funds of a drawdown as received.")]
public sealed class ReceiveDrawdownInput
{
    [Description("The drawdown; not received yet.")]
    [Id]
    public required string DrawdownId { get; init; }
    [Description("The day the funds arrived; today when omitted. Not before the request, not in the future.")]
    public DateOnly? ReceivedOn { get; init; }
    [Description("The amount that arrived, exact to the cent; more than 0 and at most the amount requested.")]
    public required decimal Amount { get; init; }
    [Description("The drawdown's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
