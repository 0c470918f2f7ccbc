using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("Changes to a funder; fields left out keep their values. A consortium admin changes a funder only while all its grants are in consortia it administers.")]
public sealed class UpdateFunderInput
{
    [Description("The funder.")]
    [Id]
    public required string Id { get; init; }
    [Description("Its new name, unique on the installation.")]
    public string? Name { get; init; }
    [Description("Its website (http or https).")]
    public string? Website { get; init; }
    [Description("Where reports and drawdown requests go.")]
    public string? ContactEmail { get; init; }
    [Description("The funder's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
