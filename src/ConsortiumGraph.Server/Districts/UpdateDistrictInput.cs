using System.ComponentModel;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Districts;

[Description("Changes to a district of the directory; fields left out keep their values. Its code and state do not change.")]
public sealed class UpdateDistrictInput
{
    [Description("The district.")]
    [Id]
    public required string Id { get; init; }
    [Description("Its new name.")]
    public string? Name { get; init; }
    [Description("Its NCES locale.")]
    [InputType(typeof(EnumerationGraphType<Locale>))]
    public Locale? Locale { get; init; }
    [Description("Students enrolled, 0 to 2,000,000.")]
    public int? Enrollment { get; init; }
    [Description("Staff available for consortium work, in FTE.")]
    public double? StaffCapacityFte { get; init; }
    [Description("The student information system it runs.")]
    public string? DataSystem { get; init; }
    [Description("Latitude of its office, -90 to 90.")]
    public double? Latitude { get; init; }
    [Description("Longitude of its office, -180 to 180.")]
    public double? Longitude { get; init; }
    [Description("The district's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
