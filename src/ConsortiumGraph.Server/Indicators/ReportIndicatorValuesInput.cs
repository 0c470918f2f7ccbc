using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Indicators;

[Description("A district's values of the consortium's indicators for one period, its own or one of its schools'. A value already reported for the period is replaced; the old one is kept in its history.")]
public sealed class ReportIndicatorValuesInput
{
    [Description("The reporting district.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("One of the district's schools, when the values are the school's (the League's common metrics: graduation, dropout, postsecondary enrollment and persistence). "
        + "School values roll up by school, League and dimension, district values by district, state, locale and partnership. A school in a League may report "
        + "the indicators of the League's consortium even when its district is not a member.")]
    [Id]
    public string? SchoolId { get; init; }
    [Description("A school year (2025-26), or a term of one (2025-26 T1, 2025-26 S2).")]
    public required string Period { get; init; }
    [Description("One value per indicator: at least one, and at most GraphQL:Limits:MaxBulkItems (1000 unless the server says otherwise).")]
    [Metadata(Access.ListLimitRule.Bulk, true)]
    public required List<IndicatorValueInput> Values { get; init; }
}
