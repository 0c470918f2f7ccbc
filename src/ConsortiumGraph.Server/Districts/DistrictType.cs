using ConsortiumGraph.Access;
using System.ComponentModel;
using ConsortiumGraph.Calendars;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Graph;
using ConsortiumGraph.LocalFields;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Schools;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Districts;

public sealed class DistrictType : NodeType<District>
{
    private static readonly RowsThroughLink<ConsortiumMembership, Consortium> Consortia = new("ConsortiaByDistrictId", m => m.DistrictId, m => m.Consortium);

    public DistrictType() : base("A school district (local education agency).")
    {
        this.AuthorizeWithRoles(Readers.Directory);
        Field(d => d.Code).Description("Stable external code; usually the federal (NCES) LEA id.");
        Field(d => d.Revision).Description("Changes with every change to the district's directory entry; send it back as `expectedRevision` to refuse to change a state you have not seen.")
            .AuthorizeWithRoles(Readers.Staff);
        Field(d => d.Name).Description("The district's name.");
        Field(d => d.State).Description("Two-letter USPS code of the district's state.");
        Field(d => d.Locale).Description("NCES locale category.");
        Field(d => d.Enrollment).Description("Students enrolled.");
        Field(d => d.StaffCapacityFte, nullable: true).Description("Staff available for consortium work, in full-time equivalents.").AuthorizeWithRoles(Readers.Members);
        Field(d => d.DataSystem, nullable: true).Description("The student information system the district runs.").AuthorizeWithRoles(Readers.Members);
        Field(d => d.Latitude, nullable: true).Description("Latitude of the district office, in degrees.");
        Field(d => d.Longitude, nullable: true).Description("Longitude of the district office, in degrees.");
        Field(d => d.ClosedOn, type: typeof(DateType)).Description("The day the district closed; null while it is open. A closed district keeps its history and joins nothing.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsortiumType>>>>("consortia")
            .Description("The consortia the district belongs to.")
            .Resolve(c => Consortia.Load(c, c.Source.Id));
        this.Connection<District, SchoolType, School>("schools", "The district's schools, by name.")
            .DefaultOrder(s => s.Name)
            .FromChildren(d => d.Schools);
        this.Connection<District, PartnershipType, Partnership>("partnerships", "The partnerships the district is a member of, by name.")
            .Filter<PartnershipFilter>().DefaultOrder(p => p.Name)
            .FromChildren(d => d.PartnershipMemberships.Select(m => m.Partnership));
        this.Connection<District, CommitmentType, Commitment>("commitments", "The district's commitments in all its partnerships, by due date.")
            .AuthorizeWithRoles(Readers.Members)
            .Filter<CommitmentFilter>().DefaultOrder(c => c.DueOn)
            .FromChildren(d => d.Commitments);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CalendarDayType>>>>("calendar")
            .AuthorizeWithRoles(Readers.Staff)
            .Description($"The district's calendar days from `from` to `to` (inclusive, at most {CalendarQueries.MaxDays} days). Days the district has not published are absent.")
            .Argument<NonNullGraphType<DateType>>("from", "First day.")
            .Argument<NonNullGraphType<DateType>>("to", "Last day.")
            .Resolve(c => c.CalendarOf(c.Source.Id, c.GetArgument<DateOnly>("from"), c.GetArgument<DateOnly>("to")));
        CostSharing.DistrictBalance.AddTo(this);
        LocalFieldsType.AddTo(this);
    }
}

[Description("What districts can be ordered by.")]
public enum DistrictOrderField
{
    [Description("The district's name.")] Name,
    [Description("Students enrolled.")] Enrollment,
    [Description("The state's two-letter code.")] State,
}

public sealed class DistrictFilter : FilterInputType<District>
{
    public DistrictFilter() : base("DistrictFilter", "Conditions on districts; a district must meet all that are given.")
    {
        AnyOf("state", d => d.State, "In any of these states (two-letter codes).");
        AnyOf("locale", d => d.Locale, "In any of these locale categories.");
        Contains("nameContains", d => d.Name, "Name contains this text, ignoring case.");
        AtLeast("enrollmentAtLeast", d => d.Enrollment, "Enrollment is at least this.");
        AtMost("enrollmentAtMost", d => d.Enrollment, "Enrollment is at most this.");
    }
}

public sealed class DistrictOrder : OrderInputType<District, DistrictOrderField>
{
    public DistrictOrder() : base("DistrictOrder", "A sort key for districts.")
    {
        By(DistrictOrderField.Name, d => d.Name);
        By(DistrictOrderField.Enrollment, d => d.Enrollment);
        By(DistrictOrderField.State, d => d.State);
    }
}
