using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.CostSharing;

[Description("How many students of one member took the course.")]
public sealed class CourseSeatsInput
{
    [Description("The member district.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("Its students enrolled; 0 to 100,000.")]
    public required int Students { get; init; }
}
