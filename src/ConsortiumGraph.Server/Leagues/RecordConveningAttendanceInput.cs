using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("How many of each registered team attended a convening, once its day has come.")]
public sealed class RecordConveningAttendanceInput
{
    [Description("The convening.")]
    [Id]
    public required string ConveningId { get; init; }
    [Description("One entry per registered team reported on.")]
    public required List<ConveningAttendanceInput> Teams { get; init; }
    [Description("The convening's `revision` as last read; refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
