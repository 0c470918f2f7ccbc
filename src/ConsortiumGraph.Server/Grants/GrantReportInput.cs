using System.ComponentModel;

namespace ConsortiumGraph.Grants;

[Description("A report the funder requires, due on a day.")]
public sealed class GrantReportInput
{
    [Description("What the report is (\"Year 1 interim report\"), at most 200 characters.")]
    public required string Title { get; init; }
    [Description("The day it is due.")]
    public required DateOnly DueOn { get; init; }
}
