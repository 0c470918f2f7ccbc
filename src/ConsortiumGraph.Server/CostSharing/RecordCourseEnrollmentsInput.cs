using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.CostSharing;

[Description("A shared course's enrollments for a term, per member, and its cost per seat; recording a term again replaces it (until invoiced). The lead (host) district, or its consortium's admins.")]
public sealed class RecordCourseEnrollmentsInput
{
    [Description("The shared course partnership; its lead district hosts the course.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("A school year (\"2025-26\") or a term of one (\"2025-26 S1\").")]
    public required string Term { get; init; }
    [Description("What one seat costs for the term, exact to the cent.")]
    public required decimal CostPerSeat { get; init; }
    [Description("Students per member district, each member once.")]
    public required List<CourseSeatsInput> Enrollments { get; init; }
}
