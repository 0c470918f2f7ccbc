using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Indicators;

[Description("A district's values of the consortium's indicators for one period. A value already reported for the period is replaced; the old one is kept in its history.")]
public sealed class ReportIndicatorValuesInput
{
    [Description("The reporting district.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("A school year (2025-26), or a term of one (2025-26 T1, 2025-26 S2).")]
    public required string Period { get; init; }
    [Description("One value per indicator: at least one, and at most GraphQL:Limits:MaxBulkItems (1000 unless the server says otherwise).")]
    [Metadata(Access.ListLimitRule.Bulk, true)]
    public required List<IndicatorValueInput> Values { get; init; }
}
