using ConsortiumGraph.Access;
using GraphQL;
using ConsortiumGraph.Graph;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// Peer visits: the host school books them and calls them off; its visitors give feedback once the day has come.
/// Booking revises the host's membership (two bookings for one host at once: one gets CONFLICT, and the retry sees the
/// first); cancelling revises the visit; feedback is once per visitor (a unique key).
/// </summary>
public static class PeerVisitMutations
{
    public static void AddPeerVisitMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<ScheduleVisitInput, PeerVisitType, PeerVisit>("scheduleVisit",
            "Books a peer visit to a member school: its day, its focus question and the visiting team. Warns when the day is out of session in a district concerned. The host's leaders, its district's staff, or the League's consortium's admins.", ScheduleAsync)
            .AuthorizeWithRoles(Readers.League);
        mutation.Mutation<CancelVisitInput, PeerVisitType, PeerVisit>("cancelVisit",
            "Calls off a peer visit before its day. The host's leaders, its district's staff, or the League's consortium's admins.", CancelAsync)
            .AuthorizeWithRoles(Readers.League);
        mutation.Mutation<GiveVisitFeedbackInput, VisitFeedbackType, VisitFeedback>("giveVisitFeedback",
            "A visitor's feedback to the host school, once the visit's day has come: strengths, questions, suggestions. For a visitor: those who act for the visitor's school or district, or the League's admins.", FeedbackAsync)
            .AuthorizeWithRoles(Readers.League);
    }

    private static async Task<PeerVisit?> ScheduleAsync(MutationContext<ScheduleVisitInput> m)
    {
        var input = m.Input;
        var ct = m.Field.CancellationToken;
        var host = await LeagueMutations.MembershipAsync(m, input.HostMembershipId, inputField: "hostMembershipId");
        var focus = m.Text(input.FocusQuestion, "focusQuestion", 1000);
        if (input.VisitOn < m.Today) m.Invalid("IN_THE_PAST", $"`visitOn` is before today ({m.Today:yyyy-MM-dd}): book visits still to come.", "visitOn");
        if (input.VisitorIds.Count is < 1 or > PeerVisitType.MaxVisitors)
            m.Invalid("OUT_OF_RANGE", $"A visiting team has 1 to {PeerVisitType.MaxVisitors} educators; `visitorIds` has {input.VisitorIds.Count}.", "visitorIds");
        var ids = input.VisitorIds.Select((id, i) => m.Id(id, "Educator", $"visitorIds.{i}")).ToList();
        if (host is null || focus is null || m.Failed) return null;
        if (host.Status != LeagueMembershipStatus.Active)
            m.Violates("NOT_ACTIVE", $"{host.School.Name} is not an active member of {host.League.Name}: members host visits.", "hostMembershipId");

        var wanted = ids.OfType<int>().Distinct().ToList();
        var educators = await m.Db.Educators.Include(e => e.School).Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var visitorSchools = educators.Values.Select(e => e.SchoolId).OfType<int>().Distinct().ToList();
        var activeSchools = await m.Db.LeagueMemberships.Where(x => x.LeagueId == host.LeagueId && visitorSchools.Contains(x.SchoolId) && x.JoinedOn != null && x.LeftOn == null)
            .Select(x => x.SchoolId).ToListAsync(ct);
        var visitors = new List<PeerVisitor>();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var field = $"visitorIds.{i}";
            if (id is null) continue;
            if (!educators.TryGetValue(id.Value, out var educator) || educator.LeagueId != host.LeagueId)
                m.Invalid("NOT_FOUND", $"No educator of {host.League.Name} has the ID given as `{field}`.", field);
            else if (visitors.Any(v => v.EducatorId == educator.Id))
                m.Invalid("DUPLICATE_VISITOR", $"{educator.Name} is on the team twice.", field);
            else if (educator.SchoolId == host.SchoolId)
                m.Violates("HOST_STAFF", $"{educator.Name} works at {host.School.Name}: visitors come from other schools.", field);
            else if (educator.SchoolId is { } school && !activeSchools.Contains(school))
                m.Violates("NOT_ACTIVE", $"{educator.Name}'s school, {educator.School!.Name}, is not an active member of {host.League.Name}.", field);
            else visitors.Add(new PeerVisitor { EducatorId = educator.Id, SchoolId = educator.SchoolId });
        }
        if (await m.Db.PeerVisits.AnyAsync(v => v.HostMembershipId == host.Id && v.VisitOn == input.VisitOn && v.CancelledOn == null, ct))
            m.Violates("DUPLICATE_DAY", $"{host.School.Name} hosts a visit on {input.VisitOn:yyyy-MM-dd} already.", "visitOn");
        if (m.Failed) return null;

        // Peers learn most from schools unlike their own: a team all from the host's district is allowed, and said.
        if (visitors.All(v => v.SchoolId is not null && educators[v.EducatorId].DistrictId == host.DistrictId))
            m.Warns("SAME_DISTRICT", $"Every visitor is from {host.School.District.Name}, the host's district: the League's visits work best across districts and states.", "visitorIds");
        // A published calendar says whether the day works; read unfiltered: a school leader reads no calendars, and only the
        // names of districts out of session that day are told.
        var districts = visitors.Select(v => educators[v.EducatorId].DistrictId).OfType<int>().Append(host.DistrictId).Distinct().ToList();
        var closed = await m.Db.CalendarDays.IgnoreQueryFilters().Where(d => districts.Contains(d.DistrictId) && d.Date == input.VisitOn && !d.InSession)
            .Select(d => d.District.Name).OrderBy(n => n).ToListAsync(ct);
        if (closed.Count > 0)
            m.Warns("NOT_IN_SESSION", $"{input.VisitOn:yyyy-MM-dd} is a day out of session in {string.Join(", ", closed)}; `commonDays` finds days every district is in session.", "visitOn");

        var visit = new PeerVisit { LeagueId = host.LeagueId, HostMembershipId = host.Id, VisitOn = input.VisitOn, FocusQuestion = focus, ScheduledAt = m.Now, Visitors = visitors };
        m.Db.PeerVisits.Add(visit);
        m.Revise(host, input.ExpectedRevision);
        return visit;
    }

    private static async Task<PeerVisit?> CancelAsync(MutationContext<CancelVisitInput> m)
    {
        var input = m.Input;
        var visit = await m.Find<PeerVisit>(input.VisitId, "PeerVisit", "visitId", q => q.Include(v => v.HostMembership).ThenInclude(h => h.School).ThenInclude(s => s.District));
        var reason = m.Text(input.Reason, "reason", 2000);
        if (visit is null || reason is null || m.Failed) return null;
        if (!LeagueMutations.ActsForSchool(m, visit.HostMembership.School, "visitId")) return null;
        switch (visit.StatusOn(m.Today))
        {
            case PeerVisitStatus.Cancelled:
                m.Violates("ALREADY_CANCELLED", $"The visit was called off on {visit.CancelledOn:yyyy-MM-dd}.", "visitId");
                return null;
            case PeerVisitStatus.Held:
                m.Violates("HELD", $"The visit's day ({visit.VisitOn:yyyy-MM-dd}) has come: it is held, and its feedback stays.", "visitId");
                return null;
        }
        visit.CancelledOn = m.Today;
        visit.CancelReason = reason;
        m.Revise(visit, input.ExpectedRevision);
        return visit;
    }

    private static async Task<VisitFeedback?> FeedbackAsync(MutationContext<GiveVisitFeedbackInput> m)
    {
        var input = m.Input;
        var ct = m.Field.CancellationToken;
        var visit = await m.Find<PeerVisit>(input.VisitId, "PeerVisit", "visitId", q => q.Include(v => v.HostMembership).ThenInclude(h => h.School));
        var educator = await m.Find<Educator>(input.EducatorId, "Educator", "educatorId");
        var strengths = m.Text(input.Strengths, "strengths", 4000, required: false);
        var questions = m.Text(input.Questions, "questions", 4000, required: false);
        var suggestions = m.Text(input.Suggestions, "suggestions", 4000, required: false);
        if (strengths is null && questions is null && suggestions is null && !m.Failed)
            m.Invalid("REQUIRED", "Give at least one of `strengths`, `questions` and `suggestions`.", "strengths");
        if (visit is null || educator is null || m.Failed) return null;
        if (!EducatorMutations.ActsForEducator(m, educator, "educatorId")) return null;
        var status = visit.StatusOn(m.Today);
        if (status == PeerVisitStatus.Cancelled)
            m.Violates("CANCELLED", $"The visit to {visit.HostMembership.School.Name} was called off.", "visitId");
        else if (status == PeerVisitStatus.Scheduled)
            m.Violates("NOT_YET", $"The visit to {visit.HostMembership.School.Name} is on {visit.VisitOn:yyyy-MM-dd}: feedback follows the visit.", "visitId");
        else if (!await m.Db.PeerVisitors.AnyAsync(v => v.VisitId == visit.Id && v.EducatorId == educator.Id, ct))
            m.Violates("NOT_A_VISITOR", $"{educator.Name} was not on the visiting team.", "educatorId");
        else if (await m.Db.VisitFeedback.AnyAsync(f => f.VisitId == visit.Id && f.EducatorId == educator.Id, ct))
            m.Violates("ALREADY_GIVEN", $"{educator.Name} gave feedback on this visit already.", "educatorId");
        if (m.Failed) return null;
        var feedback = new VisitFeedback { VisitId = visit.Id, EducatorId = educator.Id, Strengths = strengths, Questions = questions, Suggestions = suggestions, GivenAt = m.Now };
        m.Db.VisitFeedback.Add(feedback);
        return feedback;
    }
}
