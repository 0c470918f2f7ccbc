using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Indicators;

[Description("Whether a district shows one of its indicators to funders.")]
public sealed class SetDataSharingConsentInput
{
    [Description("The district deciding.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("The indicator's code.")]
    public required string Indicator { get; init; }
    [Description("True to show the district's values (aggregated) in funder reports; false to withhold them.")]
    public bool SharedWithFunders { get; init; }
}
