using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Districts;

[Description("Closes a district or school in the directory: it stays listed with its history, and its code is never reused.")]
public sealed class CloseDirectoryEntryInput
{
    [Description("The district (closeDistrict) or school (closeSchool).")]
    [Id]
    public required string Id { get; init; }
    [Description("The day it closed; today when left out, never in the future.")]
    public DateOnly? ClosedOn { get; init; }
    [Description("The entry's `revision` as last read; refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
