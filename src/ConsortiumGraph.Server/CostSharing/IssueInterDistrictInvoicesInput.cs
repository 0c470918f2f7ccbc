using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.CostSharing;

[Description("Invoices for a period of a partnership's shared positions and course seats: each member owes the employing or host district its part, one invoice per pair. A period is invoiced once.")]
public sealed class IssueInterDistrictInvoicesInput
{
    [Description("The partnership.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("What is billed: a school year (\"2025-26\") or a term of one (\"2025-26 S1\"); course seats of that term are billed with it.")]
    public required string Period { get; init; }
    [Description("How many months of the positions' annual cost the period bills; 1 to 12.")]
    public required int Months { get; init; }
    [Description("The day issued; today when omitted.")]
    public DateOnly? IssuedOn { get; init; }
    [Description("The day payment is due; 30 days after issue when omitted.")]
    public DateOnly? DueOn { get; init; }
}
