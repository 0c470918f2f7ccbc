using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class LearningGroupType : NodeType<LearningGroup>
{
    /// <summary>Meetings a group holds over its years, at most, as the complexity limit prices them.</summary>
    public const int MaxMeetings = 60;

    private static readonly RowsThroughLink<LearningGroupMember, Educator> Members = new("LearningGroupMembersByGroupId", x => x.GroupId, x => x.Educator, x => x.LeftOn == null);
    private static readonly RowsByKey<LearningGroupMeeting> Meetings = new("MeetingsByLearningGroupId", x => x.GroupId, q => q.OrderBy(x => x.MetOn));

    public LearningGroupType() : base("A standing cohort of the League's educators (a principals' professional learning group) that meets over the years on a focus.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<LeagueType>>("league").Description("The League.").Resolve(c => c.ById<League>(c.Source.LeagueId));
        Field(x => x.Name).Description("Its name.");
        Field(x => x.Focus).Description("What it works on together.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("dimensions").Description("Keys of the framework dimensions it works on.").Resolve(c => c.Source.Dimensions);
        Field(x => x.Revision).Description("Changes as members join and leave and meetings are recorded.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EducatorType>>>>("members").Description("Its members now, in the order they joined.")
            .WithComplexityImpact(1, LearningGroupMutations.MaxMembers)
            .Resolve(c => Members.Load(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LearningGroupMeetingType>>>>("meetings").Description("Its meetings, earliest first.")
            .WithComplexityImpact(1, MaxMeetings)
            .Resolve(c => Meetings.Load(c, c.Source.Id));
    }
}

public sealed class LearningGroupMeetingType : ObjectType<LearningGroupMeeting>
{
    private static readonly RowsThroughLink<LearningGroupAttendance, Educator> Attendees = new("AttendeesByMeetingId", x => x.MeetingId, x => x.Educator);

    public LearningGroupMeetingType()
    {
        Description = "One meeting of a learning group.";
        this.AuthorizeWithRoles(Readers.League);
        Field(x => x.MetOn, type: typeof(NonNullGraphType<DateType>)).Description("The day it met.");
        Field(x => x.Topic).Description("What it worked on.");
        Field(x => x.Notes, nullable: true).Description("Notes for the members.");
        Field<NonNullGraphType<IntGraphType>>("attendance").Description("How many members came.").Resolve(c => Attendees.Load(c, c.Source.Id).Then(a => a.Count));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EducatorType>>>>("attendees").Description("Who came.")
            .WithComplexityImpact(1, LearningGroupMutations.MaxMembers)
            .Resolve(c => Attendees.Load(c, c.Source.Id));
    }
}
