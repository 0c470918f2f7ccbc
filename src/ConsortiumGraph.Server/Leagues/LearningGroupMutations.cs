using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// The League's learning groups: its admins form them and record their meetings; an educator joins and leaves through
/// whoever acts for them (their school's leaders, their district's staff, the League's admins). Joining and leaving
/// revise the group, so two requests for one educator serialize and the second sees the first.
/// </summary>
public static class LearningGroupMutations
{
    public const int MaxMembers = 50;

    public static void AddLearningGroupMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<FormLearningGroupInput, LearningGroupType, LearningGroup>("formLearningGroup",
            "Forms a standing learning group of the League's educators, with its focus and first members. The League's consortium's admins.", FormAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<LearningGroupMembershipInput, LearningGroupType, LearningGroup>("joinLearningGroup",
            "An educator joins a learning group. Those who act for the educator: their school's leaders, their district's staff, the League's admins.", JoinAsync)
            .AuthorizeWithRoles(Readers.League);
        mutation.Mutation<LearningGroupMembershipInput, LearningGroupType, LearningGroup>("leaveLearningGroup",
            "An educator leaves a learning group; the meetings they came to keep them. Those who act for the educator.", LeaveAsync)
            .AuthorizeWithRoles(Readers.League);
        mutation.Mutation<RecordLearningGroupMeetingInput, LearningGroupType, LearningGroup>("recordLearningGroupMeeting",
            "Records a learning group's meeting: its day, topic, notes and who came. The League's consortium's admins.", MeetingAsync)
            .AuthorizeWithRoles(Readers.Admins);
    }

    private static async Task<LearningGroup?> FormAsync(MutationContext<FormLearningGroupInput> m)
    {
        var input = m.Input;
        var ct = m.Field.CancellationToken;
        var league = await m.Find<League>(input.LeagueId, "League", "leagueId");
        var name = m.Text(input.Name, "name", 200);
        var focus = m.Text(input.Focus, "focus", 2000);
        var ids = (input.MemberIds ?? []).Select((id, i) => m.Id(id, "Educator", $"memberIds.{i}")).ToList();
        if (ids.Count > MaxMembers) m.Invalid("OUT_OF_RANGE", $"A learning group starts with at most {MaxMembers} members.", "memberIds");
        if (league is null || name is null || focus is null || m.Failed) return null;
        var dimensions = input.Dimensions is { Count: > 0 } ? await DimensionKeys.CheckAsync(m, league, input.Dimensions, "the group works on", "leagueId") : [];
        if (dimensions is null) return null;
        if (await m.Db.LearningGroups.AnyAsync(g => g.LeagueId == league.Id && g.Name == name, ct))
            m.Violates("DUPLICATE_NAME", $"{league.Name} has a learning group named {name} already.", "name");
        var wanted = ids.OfType<int>().ToList();
        var educators = await m.Db.Educators.Where(e => wanted.Contains(e.Id) && e.LeagueId == league.Id).Select(e => e.Id).ToListAsync(ct);
        var members = new List<LearningGroupMember>();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            if (id is null) continue;
            if (!educators.Contains(id.Value)) m.Invalid("NOT_FOUND", $"No educator of {league.Name} has the ID given as `memberIds.{i}`.", $"memberIds.{i}");
            else if (members.Any(x => x.EducatorId == id)) m.Invalid("DUPLICATE_MEMBER", "One educator named twice.", $"memberIds.{i}");
            else members.Add(new LearningGroupMember { EducatorId = id.Value, JoinedOn = m.Today });
        }
        if (m.Failed) return null;
        var group = new LearningGroup { LeagueId = league.Id, Name = name, Focus = focus, Dimensions = dimensions, FormedAt = m.Now, Members = members };
        m.Db.LearningGroups.Add(group);
        return group;
    }

    private static async Task<(LearningGroup Group, Educator Educator)?> GroupAndEducatorAsync(MutationContext<LearningGroupMembershipInput> m)
    {
        var group = await m.Find<LearningGroup>(m.Input.GroupId, "LearningGroup", "groupId", q => q.Include(g => g.Members));
        var educator = await m.Find<Educator>(m.Input.EducatorId, "Educator", "educatorId");
        if (group is null || educator is null || m.Failed) return null;
        if (!EducatorMutations.ActsForEducator(m, educator, "educatorId")) return null;
        if (educator.LeagueId != group.LeagueId)
        {
            m.Violates("NOT_IN_LEAGUE", $"{educator.Name} is an educator of another League than the group's.", "educatorId");
            return null;
        }
        return (group, educator);
    }

    private static async Task<LearningGroup?> JoinAsync(MutationContext<LearningGroupMembershipInput> m)
    {
        if (await GroupAndEducatorAsync(m) is not { } found) return null;
        var (group, educator) = found;
        if (group.Members.Any(x => x.EducatorId == educator.Id && x.LeftOn is null))
        {
            m.Violates("ALREADY_MEMBER", $"{educator.Name} is in {group.Name} already.", "educatorId");
            return null;
        }
        group.Members.Add(new LearningGroupMember { EducatorId = educator.Id, JoinedOn = m.Today });
        m.Revise(group, null);
        return group;
    }

    private static async Task<LearningGroup?> LeaveAsync(MutationContext<LearningGroupMembershipInput> m)
    {
        if (await GroupAndEducatorAsync(m) is not { } found) return null;
        var (group, educator) = found;
        if (group.Members.FirstOrDefault(x => x.EducatorId == educator.Id && x.LeftOn is null) is not { } member)
        {
            m.Violates("NOT_A_MEMBER", $"{educator.Name} is not in {group.Name}.", "educatorId");
            return null;
        }
        member.LeftOn = m.Today;
        m.Revise(group, null);
        return group;
    }

    private static async Task<LearningGroup?> MeetingAsync(MutationContext<RecordLearningGroupMeetingInput> m)
    {
        var input = m.Input;
        var group = await m.Find<LearningGroup>(input.GroupId, "LearningGroup", "groupId", q => q.Include(g => g.Members).Include(g => g.Meetings));
        var topic = m.Text(input.Topic, "topic", 200);
        var notes = m.Text(input.Notes, "notes", 4000, required: false);
        m.NotInFuture(input.MetOn, "metOn");
        var ids = input.AttendeeIds.Select((id, i) => m.Id(id, "Educator", $"attendeeIds.{i}")).ToList();
        if (group is null || topic is null || m.Failed) return null;
        if (group.Meetings.Any(x => x.MetOn == input.MetOn))
            m.Violates("DUPLICATE_DAY", $"{group.Name} has a meeting on {input.MetOn:yyyy-MM-dd} already.", "metOn");
        var attendees = new List<int>();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            if (id is null) continue;
            if (!group.Members.Any(x => x.EducatorId == id && x.JoinedOn <= input.MetOn && (x.LeftOn is null || x.LeftOn >= input.MetOn)))
                m.Invalid("NOT_A_MEMBER", $"The educator of `attendeeIds.{i}` was not a member of {group.Name} on {input.MetOn:yyyy-MM-dd}.", $"attendeeIds.{i}");
            else if (attendees.Contains(id.Value)) m.Invalid("DUPLICATE_MEMBER", "One educator named twice.", $"attendeeIds.{i}");
            else attendees.Add(id.Value);
        }
        if (m.Failed) return null;
        group.Meetings.Add(new LearningGroupMeeting
        {
            MetOn = input.MetOn, Topic = topic, Notes = notes, RecordedAt = m.Now, Attendance = [.. attendees.Select(id => new LearningGroupAttendance { EducatorId = id })],
        });
        m.Revise(group, null);
        return group;
    }
}
