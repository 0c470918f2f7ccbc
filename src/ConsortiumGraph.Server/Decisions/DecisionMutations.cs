using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.PluginHost;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Decisions;

public static class DecisionMutations
{
    public static void AddDecisionMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<ProposeDecisionInput, DecisionType, Decision>("proposeDecision",
            "Puts a question to a partnership's members, under the rule of its area.", ProposeAsync);
        mutation.Mutation<CastVoteInput, DecisionType, Decision>("castVote",
            "Casts a member district's vote. The decision closes as soon as its outcome is certain.", VoteAsync);
    }

    private static async Task<Decision?> ProposeAsync(MutationContext<ProposeDecisionInput> m)
    {
        var input = m.Input;
        var partnership = await m.Find<Partnership>(input.PartnershipId, "Partnership", "partnershipId",
            q => q.Include(p => p.Members).Include(p => p.DecisionRights));
        var area = m.Text(input.Area, "area", 64);
        var title = m.Text(input.Title, "title", 200);
        var deadline = input.Deadline.Kind == DateTimeKind.Utc ? input.Deadline : input.Deadline.ToUniversalTime();
        if (deadline <= m.Now)
            m.Invalid("DEADLINE_IN_PAST", "`deadline` must be in the future.", "deadline");
        else if (deadline > m.Now.AddYears(1))
            m.Invalid("OUT_OF_RANGE", "`deadline` must be within a year.", "deadline");
        if (input.ScheduledOn is { } day && day < DateOnly.FromDateTime(deadline))
            m.Invalid("INVALID_RANGE", "`scheduledOn` is before the deadline: members must decide before the day comes.", "scheduledOn");
        if (partnership is null || area is null || title is null || m.Failed) return null;

        // Any member may put a question to the partnership; district staff only through their own district.
        if (!partnership.Members.Any(member => m.Caller.ActsFor(member.DistrictId)))
        {
            m.ActingFor(partnership.Members[0].DistrictId, $"the members of {partnership.Name}", "partnershipId");
            return null;
        }
        m.RequireOpen(partnership, "partnershipId", "it takes no new decisions");
        var right = partnership.DecisionRights.FirstOrDefault(r => string.Equals(r.Area, area, StringComparison.OrdinalIgnoreCase));
        if (right is null)
            m.Violates("UNKNOWN_DECISION_AREA",
                $"{partnership.Name} has no decision right for `{area}`; its areas are: {string.Join(", ", partnership.DecisionRights.Select(r => r.Area))}.", "area");
        else if (right.Rule == DecisionRule.FiscalAgent && partnership.Members.All(p => p.Role != MemberRole.FiscalAgent))
            m.Violates("FISCAL_AGENT_REQUIRED", $"`{area}` is decided by the fiscal agent, and {partnership.Name} has none.", "area");
        else if (right.Rule == DecisionRule.LeadDistrict && partnership.Members.All(p => p.Role != MemberRole.Lead))
            m.Violates("LEAD_REQUIRED", $"`{area}` is decided by the lead district, and {partnership.Name} has none.", "area");
        if (m.Failed) return null;

        var decision = new Decision
        {
            PartnershipId = partnership.Id,
            Area = right!.Area,
            Title = title,
            Rule = right.Rule,
            Status = DecisionStatus.Open,
            ProposedAt = m.Now,
            Deadline = deadline,
            ScheduledOn = input.ScheduledOn,
        };
        m.Db.Decisions.Add(decision);
        return decision;
    }

    private static async Task<Decision?> VoteAsync(MutationContext<CastVoteInput> m)
    {
        var input = m.Input;
        var decision = await m.Find<Decision>(input.DecisionId, "Decision", "decisionId",
            q => q.Include(d => d.Votes).Include(d => d.Partnership).ThenInclude(p => p.Members));
        var district = await m.Find<District>(input.DistrictId, "District", "districtId");
        var comment = m.Text(input.Comment, "comment", 2000, required: false);
        if (decision is null || district is null || m.Failed) return null;
        if (!m.ActingFor(district.Id, district.Name, "districtId")) return null;

        var status = DecisionOutcome.Effective(decision, m.Now);
        if (status != DecisionStatus.Open)
            m.Violates("DECISION_CLOSED", $"The decision is {status.ToString().ToUpperInvariant()}; it takes no more votes.", "decisionId");
        m.RequireMember(decision.Partnership, district, "vote", "VOTER_MUST_BE_MEMBER");
        if (decision.Votes.Any(v => v.DistrictId == district.Id))
            m.Violates("ALREADY_VOTED", $"{district.Name} has already voted on this decision.", "districtId");
        await m.CheckLocalRulesAsync(district.Code, async _ => new Plugins.ProposedVote
        {
            DistrictCode = district.Code, Decision = PluginViews.Decision(decision), Partnership = await m.PartnershipViewAsync(decision.PartnershipId),
            Choice = PluginViews.Map<Plugins.VoteChoice>(input.Choice), Comment = comment,
        });
        if (m.Failed) return null;

        decision.Votes.Add(new Vote { DistrictId = district.Id, Choice = input.Choice, CastAt = m.Now, Comment = comment });
        decision.Status = DecisionOutcome.Of(decision.Rule, decision.Partnership.Members, decision.Votes);
        if (decision.Status != DecisionStatus.Open) decision.ClosedAt = m.Now;
        m.Revise(decision, input.ExpectedRevision);
        return decision;
    }
}
