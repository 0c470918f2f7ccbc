using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("Records a required report as submitted to the funder.")]
public sealed class SubmitGrantReportInput
{
    [Description("The report; not submitted yet.")]
    [Id]
    public required string ReportId { get; init; }
    [Description("The day it was submitted; today when omitted. Not in the future.")]
    public DateOnly? SubmittedOn { get; init; }
    [Description("The report's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
