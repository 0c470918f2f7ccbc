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
            "Casts a member district's vote. The decision closes as soon as its outcome is certain; an adopted governance decision then changes the partnership's decision rights.",
            VoteAsync);
        mutation.Mutation<WithdrawDecisionInput, DecisionType, Decision>("withdrawDecision",
            "Withdraws an OPEN decision (its proposing district or an admin): WITHDRAWN, with the reason; its votes stay on record.", WithdrawAsync);
        mutation.Mutation<ExtendDecisionDeadlineInput, DecisionType, Decision>("extendDecisionDeadline",
            "Moves an OPEN decision's deadline later: an admin, or the member that decides under its rule (the lead for a vote of the members or LEAD_DISTRICT, the fiscal agent for FISCAL_AGENT).",
            ExtendAsync);
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
        var proposedRights = input.DecisionRights is null ? null : m.DecisionRights(input.DecisionRights, "decisionRights");
        if (partnership is null || area is null || title is null || m.Failed) return null;

        // Any member may put a question to the partnership; district staff only through their own district.
        var proposer = partnership.CurrentMembers(m.Today).FirstOrDefault(member => m.Caller.ActsFor(member.DistrictId));
        if (proposer is null)
        {
            m.ActingFor(partnership.Members[0].DistrictId, $"the members of {partnership.Name}", "partnershipId");
            return null;
        }
        m.RequireOpen(partnership, "partnershipId", "it takes no new decisions");
        var right = partnership.DecisionRights.FirstOrDefault(r => string.Equals(r.Area, area, StringComparison.OrdinalIgnoreCase));
        if (right is null)
            m.Violates("UNKNOWN_DECISION_AREA",
                $"{partnership.Name} has no decision right for `{area}`; its areas are: {string.Join(", ", partnership.DecisionRights.Select(r => r.Area))}.", "area");
        else if (right.Rule == DecisionRule.FiscalAgent && partnership.Members.All(p => !p.IsFiscalAgent))
            m.Violates("FISCAL_AGENT_REQUIRED", $"`{area}` is decided by the fiscal agent, and {partnership.Name} has none.", "area");
        else if (right.Rule == DecisionRule.LeadDistrict && partnership.Members.All(p => !p.IsLead))
            m.Violates("LEAD_REQUIRED", $"`{area}` is decided by the lead district, and {partnership.Name} has none.", "area");
        var governance = string.Equals(area, PartnershipRules.GovernanceArea, StringComparison.OrdinalIgnoreCase);
        if (proposedRights is not null && !governance)
            m.Violates("GOVERNANCE_AREA_ONLY", $"Decision rights change only by a decision of the `{PartnershipRules.GovernanceArea}` area, not `{area}`.", "decisionRights");
        else if (proposedRights is not null)
            CheckRights(m, partnership, proposedRights);
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
            // Staff propose for their district; an admin (who acts for every member) proposes for none.
            ProposedByDistrictId = m.Caller.IsStaff ? proposer.DistrictId : null,
            ProposedDecisionRights = proposedRights?.Select(r => new ProposedDecisionRight { Area = r.Area, Rule = r.Rule }).ToList() ?? [],
        };
        m.Db.Decisions.Add(decision);
        return decision;
    }

    /// <summary>The rights a governance decision proposes must leave the partnership governable.</summary>
    private static void CheckRights<TInput>(MutationContext<TInput> m, Partnership partnership, List<DecisionRight> rights)
    {
        if (!rights.Any(r => string.Equals(r.Area, PartnershipRules.GovernanceArea, StringComparison.OrdinalIgnoreCase)))
            m.Violates("GOVERNANCE_AREA_REQUIRED", $"The decision rights must keep a `{PartnershipRules.GovernanceArea}` area, or they could never change again.", "decisionRights");
        if (rights.Any(r => r.Rule == DecisionRule.FiscalAgent) && partnership.CurrentMembers(m.Today).All(member => !member.IsFiscalAgent))
            m.Violates("FISCAL_AGENT_REQUIRED", $"An area decided by the fiscal agent needs a fiscal agent, and {partnership.Name} has none.", "decisionRights");
    }

    /// <summary>An adopted governance decision replaces the partnership's decision rights, area by area (the unique area index never sees two rows at once).</summary>
    private static async Task ApplyRightsAsync<TInput>(MutationContext<TInput> m, Decision decision)
    {
        var proposed = await m.Db.ProposedDecisionRights.Where(r => r.DecisionId == decision.Id).ToListAsync(m.Field.CancellationToken);
        if (proposed.Count == 0) return;
        var partnership = decision.Partnership;
        var rights = await m.Db.DecisionRights.Where(r => r.PartnershipId == partnership.Id).ToListAsync(m.Field.CancellationToken);
        foreach (var right in rights)
        {
            var kept = proposed.FirstOrDefault(p => string.Equals(p.Area, right.Area, StringComparison.OrdinalIgnoreCase));
            if (kept is null) m.Db.DecisionRights.Remove(right);
            else right.Rule = kept.Rule;
        }
        foreach (var added in proposed.Where(p => !rights.Any(r => string.Equals(r.Area, p.Area, StringComparison.OrdinalIgnoreCase))))
            m.Db.DecisionRights.Add(new DecisionRight { PartnershipId = partnership.Id, Area = added.Area, Rule = added.Rule });
        m.Revise(partnership, null);
    }

    /// <summary>An OPEN decision (its deadline not passed) in a partnership still open; the violation otherwise.</summary>
    private static async Task<Decision?> OpenDecisionAsync<TInput>(MutationContext<TInput> m, string decisionId)
    {
        var decision = await m.Find<Decision>(decisionId, "Decision", "decisionId", q => q.Include(d => d.Partnership).ThenInclude(p => p.Members));
        if (decision is null) return null;
        var status = DecisionOutcome.Effective(decision, m.Now);
        if (status != DecisionStatus.Open)
            m.Violates("DECISION_CLOSED", $"The decision is {status.ToString().ToUpperInvariant()}; only an OPEN decision changes.", "decisionId");
        m.RequireOpen(decision.Partnership, "decisionId", "its decisions no longer change");
        return decision;
    }

    private static async Task<Decision?> WithdrawAsync(MutationContext<WithdrawDecisionInput> m)
    {
        var input = m.Input;
        var reason = m.Text(input.Reason, "reason", 2000);
        var decision = await OpenDecisionAsync(m, input.DecisionId);
        if (decision is null || reason is null) return null;
        // The proposing district's staff, or an admin of the consortium (who acts for every member).
        var mayWithdraw = m.Caller.IsAdmin
            ? decision.Partnership.Members.Any(member => m.Caller.ActsFor(member.DistrictId))
            : decision.ProposedByDistrictId is { } proposer && m.Caller.ActsFor(proposer);
        if (!mayWithdraw)
        {
            m.Forbidden("Only the district that proposed the decision, or an admin of its consortium, may withdraw it.", "decisionId");
            return null;
        }
        if (m.Failed) return null;

        decision.Status = DecisionStatus.Withdrawn;
        decision.WithdrawalReason = reason;
        decision.ClosedAt = m.Now;
        m.Revise(decision, input.ExpectedRevision);
        return decision;
    }

    private static async Task<Decision?> ExtendAsync(MutationContext<ExtendDecisionDeadlineInput> m)
    {
        var input = m.Input;
        var deadline = input.Deadline.Kind == DateTimeKind.Utc ? input.Deadline : input.Deadline.ToUniversalTime();
        var decision = await OpenDecisionAsync(m, input.DecisionId);
        if (decision is null) return null;
        // Who convenes the decision may give it more time: the lead for a vote of the members, the decider for a one-member rule.
        var decider = decision.Partnership.CurrentMembers(m.Today)
            .FirstOrDefault(member => decision.Rule == DecisionRule.FiscalAgent ? member.IsFiscalAgent : member.IsLead);
        var mayExtend = m.Caller.IsAdmin
            ? decision.Partnership.Members.Any(member => m.Caller.ActsFor(member.DistrictId))
            : decider is not null && m.Caller.ActsFor(decider.DistrictId);
        if (!mayExtend)
        {
            m.Forbidden($"Only an admin, or the {(decision.Rule == DecisionRule.FiscalAgent ? "fiscal agent" : "lead district")} of {decision.Partnership.Name}, may extend this decision's deadline.", "decisionId");
            return null;
        }
        if (deadline <= decision.Deadline)
            m.Invalid("DEADLINE_NOT_LATER", $"The new deadline must be later than the current one ({decision.Deadline:yyyy-MM-ddTHH:mm}Z).", "deadline");
        else if (deadline > decision.ProposedAt.AddYears(1))
            m.Invalid("OUT_OF_RANGE", "`deadline` must be within a year of the proposal.", "deadline");
        else if (decision.ScheduledOn is { } day && day < DateOnly.FromDateTime(deadline))
            m.Invalid("INVALID_RANGE", $"The decision schedules {day:yyyy-MM-dd}; members must decide before that day.", "deadline");
        if (m.Failed) return null;

        decision.Deadline = deadline;
        m.Revise(decision, input.ExpectedRevision);
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
        decision.Status = DecisionOutcome.Of(decision.Rule, decision.Partnership.CurrentMembers(m.Today), decision.Votes);
        if (decision.Status != DecisionStatus.Open) decision.ClosedAt = m.Now;
        if (decision.Status == DecisionStatus.Adopted) await ApplyRightsAsync(m, decision);
        m.Revise(decision, input.ExpectedRevision);
        return decision;
    }
}
