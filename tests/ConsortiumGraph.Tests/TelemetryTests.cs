using System.Diagnostics;
using System.Diagnostics.Metrics;
using ConsortiumGraph.Operations;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>One span per GraphQL operation, with its name, type, complexity and depth; operation and statement metrics.</summary>
public sealed class TelemetryTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Each_operation_has_a_span_with_its_name_type_and_complexity_and_counts_in_the_metrics()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Telemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) spans.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        long operations = 0, statements = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == Telemetry.Name) l.EnableMeasurementEvents(instrument); },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "consortiumgraph.graphql.operations") Interlocked.Add(ref operations, value);
            if (instrument.Name == "consortiumgraph.db.statements") Interlocked.Add(ref statements, value);
        });
        meters.Start();

        await server.QueryAsync("query DistrictDirectory { districts(first: 10) { nodes { name schools(first: 5) { nodes { name } } } } }");

        Activity span;
        lock (spans) span = Assert.Single(spans, s => (string?)s.GetTagItem("graphql.operation.name") == "DistrictDirectory");
        Assert.Equal("graphql DistrictDirectory", span.DisplayName);
        Assert.Equal("query", span.GetTagItem("graphql.operation.type"));
        Assert.True((double)span.GetTagItem("graphql.document.complexity")! > 10, "complexity is recorded");
        Assert.Equal(5, span.GetTagItem("graphql.document.depth"));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.True(Interlocked.Read(ref operations) >= 1);
        Assert.True(Interlocked.Read(ref statements) >= 2, "the districts page and the batched schools");
    }

    [Fact]
    public async Task Each_selection_of_a_deprecated_field_is_counted_by_field_and_operation_every_time()
    {
        var counted = new List<(string Field, string Operation)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Name == "consortiumgraph.graphql.deprecated_fields") l.EnableMeasurementEvents(instrument); },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? field = null, operation = null;
            foreach (var tag in tags)
                if (tag.Key == "graphql.field") field = tag.Value as string;
                else if (tag.Key == "graphql.operation.name") operation = tag.Value as string;
            lock (counted) counted.Add((field!, operation!));
        });
        meters.Start();

        const string legacy = "mutation LegacyClient { signAgreement(dryRun: true, input: { agreementId: \"x\", districtId: \"x\", signedBy: \"x\" }) { errors { code ... on RuleViolation { legacyCode } } } }";
        await server.PostAsync(legacy);
        await server.PostAsync(legacy); // the second from the document cache: it counts too
        await server.PostAsync("mutation CurrentClient { signAgreement(dryRun: true, input: { agreementId: \"x\", districtId: \"x\", signedBy: \"x\" }) { errors { code } } }");

        lock (counted)
        {
            Assert.Equal(2, counted.Count(c => c == ("RuleViolation.legacyCode", "LegacyClient")));
            Assert.DoesNotContain(counted, c => c.Operation == "CurrentClient");
        }
    }
}
