using System.ComponentModel;
using ConsortiumGraph.Graph;
using GraphQL;

namespace ConsortiumGraph.Purchasing;

[Description("Members' purchases under a contract from a CSV file, all or none: every line is checked as recordPurchase checks one, and one bad line saves nothing.")]
public sealed class ImportPurchasesInput
{
    [Description("The contract bought under.")]
    [Id]
    public required string ContractId { get; init; }
    [Description("CSV (UTF-8, a header row) with the columns district_code, quantity, purchased_on (YYYY-MM-DD), standalone_unit_price, standalone_price_source "
        + "(QUOTE, LAST_YEAR_INVOICE or LIST_PRICE), and optionally standalone_price_note and approval_reference. At most 10,000 lines.")]
    public required UploadedFile File { get; init; }
}
