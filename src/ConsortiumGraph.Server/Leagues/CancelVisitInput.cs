using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("Calls off a peer visit before its day.")]
public sealed class CancelVisitInput
{
    [Description("The visit.")]
    [Id]
    public required string VisitId { get; init; }
    [Description("Why, for the visitors; at most 2000 characters.")]
    public required string Reason { get; init; }
    [Description("The visit's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
