using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Schools;

[Description("A school for the installation's directory. Platform admins only.")]
public sealed class CreateSchoolInput
{
    [Description("Its stable external code, usually the federal (NCES) school id: 1-32 letters, digits or hyphens, unique, and never changed once used.")]
    public required string Code { get; init; }
    [Description("The name the directory shows, at most 200 characters.")]
    public required string Name { get; init; }
    [Description("Its district.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("Students enrolled, 0 to 100,000.")]
    public int Enrollment { get; init; }
}
