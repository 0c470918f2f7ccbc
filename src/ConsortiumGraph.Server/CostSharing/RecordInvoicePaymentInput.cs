using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.CostSharing;

[Description("A payment on an inter-district invoice, by the district that owes it or as the district owed records it.")]
public sealed class RecordInvoicePaymentInput
{
    [Description("The invoice.")]
    [Id]
    public required string InvoiceId { get; init; }
    [Description("The amount paid, exact to the cent; more than 0 and at most what is outstanding.")]
    public required decimal Amount { get; init; }
    [Description("The day paid; today when omitted. Not in the future.")]
    public DateOnly? PaidOn { get; init; }
    [Description("The check number or transfer reference, at most 100 characters.")]
    public string? Reference { get; init; }
    [Description("The invoice's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
