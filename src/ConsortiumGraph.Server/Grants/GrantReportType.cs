using ConsortiumGraph.PluginHost;
using System.ComponentModel;
using ConsortiumGraph.Graph;
using GraphQL.Types;

namespace ConsortiumGraph.Grants;

public sealed class GrantReportType : NodeType<GrantReport>
{
    public GrantReportType() : base("A report the funder requires (interim, annual, final), due on a day.")
    {
        Field<NonNullGraphType<GrantType>>("grant").Description("The grant reported on.").Resolve(c => c.ById<Grant>(c.Source.GrantId));
        Field(r => r.Title).Description("What the report is.");
        Field(r => r.DueOn, type: typeof(NonNullGraphType<DateType>)).Description("The day it is due.");
        Field(r => r.SubmittedOn, type: typeof(DateType)).Description("The day it was submitted; null until then.");
        Field<NonNullGraphType<EnumerationGraphType<GrantReportStatus>>>("status").Description("Due, late, or submitted (on time or late), as of today.")
            .Resolve(c => StatusOf(c.Source, c.RequestServices!.GetRequiredService<TimeProvider>().Today()));
        Field(r => r.Revision).Description("Changes when the submission is recorded; send it back as `expectedRevision`.");
    }

    public static GrantReportStatus StatusOf(GrantReport report, DateOnly today) => report.SubmittedOn switch
    {
        { } submitted => submitted <= report.DueOn ? GrantReportStatus.Submitted : GrantReportStatus.SubmittedLate,
        null => report.DueOn < today ? GrantReportStatus.Late : GrantReportStatus.Due,
    };
}

[Description("Where a required grant report stands.")]
public enum GrantReportStatus
{
    [Description("Not yet submitted; the due day has not passed.")] Due,
    [Description("Not submitted, and the due day has passed.")] Late,
    [Description("Submitted on or before the due day.")] Submitted,
    [Description("Submitted after the due day.")] SubmittedLate,
}
