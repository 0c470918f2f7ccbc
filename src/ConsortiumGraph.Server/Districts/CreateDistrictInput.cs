using System.ComponentModel;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Districts;

[Description("A district for the installation's directory. Platform admins only.")]
public sealed class CreateDistrictInput
{
    [Description("Its stable external code, usually the federal (NCES) LEA id: 1-32 letters, digits or hyphens, unique, and never changed once used.")]
    public required string Code { get; init; }
    [Description("The name the directory shows, at most 200 characters.")]
    public required string Name { get; init; }
    [Description("Its two-letter USPS state code.")]
    public required string State { get; init; }
    [Description("Its NCES locale.")]
    [InputType(typeof(NonNullGraphType<EnumerationGraphType<Locale>>))]
    public Locale Locale { get; init; }
    [Description("Students enrolled, 0 to 2,000,000.")]
    public int Enrollment { get; init; }
    [Description("Staff available for consortium work, in FTE.")]
    public double? StaffCapacityFte { get; init; }
    [Description("The student information system it runs, at most 100 characters.")]
    public string? DataSystem { get; init; }
    [Description("Latitude of its office, -90 to 90.")]
    public double? Latitude { get; init; }
    [Description("Longitude of its office, -180 to 180.")]
    public double? Longitude { get; init; }
}
