using ConsortiumGraph.Graph;
using GraphQL.Types;

namespace ConsortiumGraph.Indicators;

public sealed class IndicatorReportPayloadType() : PayloadType<ListGraphType<NonNullGraphType<IndicatorValueType>>, List<IndicatorValue>>(
    "IndicatorReportPayload", "values", "The values as stored.");
