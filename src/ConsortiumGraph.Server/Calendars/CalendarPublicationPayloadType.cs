using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Calendars;

public sealed class CalendarPublicationType : ObjectType<CalendarPublication>
{
    public CalendarPublicationType()
    {
        Name = "CalendarPublication";
        Description = "A district's calendar for a school year, as published.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<DistrictType>>("district").Description("The district.").Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field(p => p.SchoolYear).Description("The school year, e.g. 2026-27.");
        Field(p => p.FirstDay, type: typeof(NonNullGraphType<DateType>)).Description("The first day students attend.");
        Field(p => p.LastDay, type: typeof(NonNullGraphType<DateType>)).Description("The last day students attend.");
        Field(p => p.InstructionalDays).Description("Days in session (early releases included).");
        Field(p => p.EarlyReleaseDays).Description("Early-release days.");
        Field(p => p.ChangedDays).Description("Days whose published state changed (0 when the same calendar is published again).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("ignoredEvents").Resolve(c => c.Source.IgnoredEvents).Description("Titles of the .ics events that say nothing about school being in session (games, meetings); empty for publishCalendar.");
    }
}

public sealed class CalendarPublicationPayloadType() : PayloadType<CalendarPublicationType, CalendarPublication>("CalendarPublicationPayload", "calendar", "The published calendar.");
