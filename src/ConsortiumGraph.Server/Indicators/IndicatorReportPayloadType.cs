using System.ComponentModel;
using System.Text.RegularExpressions;
using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.LocalFields;
using ConsortiumGraph.PluginHost;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Indicators;

public sealed class IndicatorReportPayloadType() : PayloadType<ListGraphType<NonNullGraphType<IndicatorValueType>>, List<IndicatorValue>>(
    "IndicatorReportPayload", "values", "The values as stored.");
