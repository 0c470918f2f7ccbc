using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Schools;

[Description("Changes to a school of the directory; fields left out keep their values. Its code and district do not change.")]
public sealed class UpdateSchoolInput
{
    [Description("The school.")]
    [Id]
    public required string Id { get; init; }
    [Description("Its new name.")]
    public string? Name { get; init; }
    [Description("Students enrolled, 0 to 100,000.")]
    public int? Enrollment { get; init; }
    [Description("The school's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
