using ConsortiumGraph.Agreements;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.PluginHost;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Partnerships;

/// <summary>Every step of a partnership after it was proposed: edits, roles, members leaving, and its end.</summary>
public static class PartnershipLifecycleMutations
{
    public static void AddPartnershipLifecycleMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<UpdatePartnershipInput, PartnershipType, Partnership>("updatePartnership",
            "Changes a PROPOSED or ACTIVE partnership's name, shared goal or dates (its lead district or an admin).", UpdateAsync);
        mutation.Mutation<ChangeMemberRolesInput, PartnershipType, Partnership>("changeMemberRoles",
            "Gives members new roles, checked together: one lead, at most one fiscal agent (exactly one where a grant funds the partnership), and a member can be both.",
            ChangeRolesAsync);
        mutation.Mutation<LeavePartnershipInput, PartnershipType, Partnership>("leavePartnership",
            "A member district gives notice: it stops being a member on the effective date. Its open commitments must be handed over or dropped first.", LeaveAsync);
        mutation.Mutation<ClosePartnershipInput, PartnershipType, Partnership>("completePartnership",
            "Records that an ACTIVE partnership finished its work as agreed: COMPLETED, read-only afterwards. Every commitment must be DONE or DROPPED and no decision open.",
            CompleteAsync);
        mutation.Mutation<ClosePartnershipInput, PartnershipType, Partnership>("dissolvePartnership",
            "Ends a PROPOSED or ACTIVE partnership before completion, with a reason: DISSOLVED, read-only afterwards. Open commitments are dropped and open decisions withdrawn, with the reason.",
            DissolveAsync);
    }

    private static async Task<Partnership?> UpdateAsync(MutationContext<UpdatePartnershipInput> m)
    {
        var input = m.Input;
        var name = input.Name is null ? null : m.Text(input.Name, "name", 200);
        var sharedGoal = input.SharedGoal is null ? null : m.Text(input.SharedGoal, "sharedGoal", 2000);
        var partnership = await m.AsLeadAsync(input.Id, "id");
        if (partnership is null || m.Failed) return null;

        m.RequireOpen(partnership, "id", "it can no longer be changed");
        if (name is not null && name != partnership.Name
            && await m.Db.Partnerships.AnyAsync(p => p.ConsortiumId == partnership.ConsortiumId && p.Name == name && p.Id != partnership.Id, m.Field.CancellationToken))
            m.Violates("DUPLICATE_NAME", $"The consortium already has a partnership named {name}.", "name");
        var startsOn = input.StartsOn ?? partnership.StartsOn;
        var endsOn = input.EndsOn ?? partnership.EndsOn;
        if (startsOn > endsOn)
            m.Invalid("INVALID_RANGE", $"The partnership would end ({endsOn:yyyy-MM-dd}) before it starts ({startsOn:yyyy-MM-dd}).", input.EndsOn is null ? "startsOn" : "endsOn");
        if (m.Failed) return null;

        partnership.Name = name ?? partnership.Name;
        partnership.SharedGoal = sharedGoal ?? partnership.SharedGoal;
        partnership.StartsOn = startsOn;
        partnership.EndsOn = endsOn;
        m.Revise(partnership, input.ExpectedRevision);
        return partnership;
    }

    private static async Task<Partnership?> ChangeRolesAsync(MutationContext<ChangeMemberRolesInput> m)
    {
        var input = m.Input;
        var partnership = await m.AsLeadAsync(input.PartnershipId, "partnershipId");
        if (partnership is null) return null;
        m.RequireOpen(partnership, "partnershipId", "its roles can no longer change");
        if (input.Members.Count == 0) m.Invalid("REQUIRED", "`members` must name at least one member.", "members");

        var changed = new Dictionary<PartnershipMember, HashSet<MemberRole>>();
        for (var i = 0; i < input.Members.Count; i++)
        {
            if (m.Id(input.Members[i].DistrictId, "District", $"members.{i}.districtId") is not { } districtId) continue;
            var member = partnership.Members.FirstOrDefault(x => x.DistrictId == districtId && x.IsCurrentOn(m.Today));
            if (member is null)
                m.Violates(PartnershipRules.MemberRequired, $"District {input.Members[i].DistrictId} is not a current member of {partnership.Name}.", $"members.{i}.districtId");
            else if (!changed.TryAdd(member, [.. input.Members[i].Roles]))
                m.Invalid("DUPLICATE_DISTRICT", $"{member.District.Name} is named twice in `members`.", $"members.{i}.districtId");
        }
        if (m.Failed) return null;

        bool Holds(PartnershipMember member, MemberRole role) => changed.TryGetValue(member, out var roles) ? roles.Contains(role) : member.Holds(role);
        var current = partnership.CurrentMembers(m.Today);
        var leads = current.Count(member => Holds(member, MemberRole.Lead));
        var agents = current.Where(member => Holds(member, MemberRole.FiscalAgent)).ToList();
        if (leads != 1)
            m.Violates("EXACTLY_ONE_LEAD", $"A partnership has exactly one lead district; these roles would give {partnership.Name} {leads}.", "members");
        if (agents.Count > 1)
            m.Violates("FISCAL_AGENT_EXISTS", $"A partnership has at most one fiscal agent; these roles would give {partnership.Name} {agents.Count}.", "members");
        var grants = await m.Db.Grants.Where(g => g.PartnershipId == partnership.Id && g.Status == Grants.GrantStatus.Active).Select(g => new { g.FiscalAgentId, g.Funder.Name }).ToListAsync(m.Field.CancellationToken);
        if (agents.Count == 0 && (partnership.Kind == PartnershipKind.GrantProject || grants.Count > 0))
            m.Violates("FISCAL_AGENT_REQUIRED", $"{partnership.Name} is funded by a grant, so it needs a fiscal agent to receive it.", "members");
        // A grant names the district that receives its funds; moving the role is a change to the grant.
        foreach (var grant in grants.Where(g => agents.Count == 1 && g.FiscalAgentId != agents[0].DistrictId))
            m.Violates("GRANT_FISCAL_AGENT", $"The grant from {grant.Name} names another district as its fiscal agent; amend the grant before moving the role.", "members");
        if (await m.Db.Decisions.AnyAsync(d => d.PartnershipId == partnership.Id && d.Status == DecisionStatus.Open
                && (d.Rule == DecisionRule.LeadDistrict || d.Rule == DecisionRule.FiscalAgent), m.Field.CancellationToken))
            m.Violates("OPEN_ROLE_DECISION", $"{partnership.Name} has an open decision that its lead or fiscal agent decides; roles change once it closes (or is withdrawn).", "members");
        if (m.Failed) return null;

        foreach (var (member, roles) in changed)
        {
            member.IsLead = roles.Contains(MemberRole.Lead);
            member.IsFiscalAgent = roles.Contains(MemberRole.FiscalAgent);
        }
        m.Revise(partnership, input.ExpectedRevision);
        return partnership;
    }

    private static async Task<Partnership?> LeaveAsync(MutationContext<LeavePartnershipInput> m)
    {
        var input = m.Input;
        var partnership = await m.Find<Partnership>(input.PartnershipId, "Partnership", "partnershipId", q => q.Include(p => p.Members));
        var district = await m.Find<District>(input.DistrictId, "District", "districtId");
        var effectiveOn = input.EffectiveOn ?? m.Today;
        if (effectiveOn < m.Today) m.Invalid("EFFECTIVE_IN_PAST", "`effectiveOn` is in the past; notice takes effect today or later.", "effectiveOn");
        if (partnership is null || district is null || m.Failed) return null;
        if (!m.ActingFor(district.Id, district.Name, "districtId")) return null;

        m.RequireOpen(partnership, "partnershipId", "its members no longer leave it");
        m.RequireMember(partnership, district, "can leave it", PartnershipRules.MemberRequired);
        if (m.Failed) return null;
        var member = partnership.Members.Single(x => x.DistrictId == district.Id);
        if (member.LeftOn is not null)
            m.Violates("ALREADY_LEAVING", $"{district.Name} already gave notice: it leaves on {member.LeftOn:yyyy-MM-dd}.", "districtId");
        if (member.IsLead || member.IsFiscalAgent)
            m.Violates("ROLE_MUST_BE_HANDED_OVER", $"{district.Name} is the {(member.IsLead ? "lead" : "fiscal agent")} of {partnership.Name}; pass the role to another member with `changeMemberRoles` first.", "districtId");
        if (partnership.CurrentMembers(m.Today).Count(x => x.DistrictId != district.Id && x.LeftOn is null) < 2)
            m.Violates("AT_LEAST_TWO_MEMBERS", $"{partnership.Name} would have fewer than two members; dissolve it instead.", "districtId");
        var open = await m.Db.Commitments.CountAsync(c => c.PartnershipId == partnership.Id && c.DistrictId == district.Id && Commitment.OpenStatuses.Contains(c.Status), m.Field.CancellationToken);
        if (open > 0)
            m.Violates("OPEN_COMMITMENTS", $"{district.Name} has {open} open commitment{(open == 1 ? "" : "s")} in {partnership.Name}; hand each over (another member commits to it) or drop it (`reportProgress` with DROPPED) before leaving.", "districtId");
        await m.CheckLocalRulesAsync(district.Code, async _ => new Plugins.ProposedLeaving
        {
            DistrictCode = district.Code, Partnership = await m.PartnershipViewAsync(partnership.Id), EffectiveOn = effectiveOn,
        });
        if (m.Failed) return null;

        member.LeftOn = effectiveOn;
        m.Revise(partnership, input.ExpectedRevision);
        // Leaving today can leave every remaining member signed on the version awaiting signatures (the first, or an amendment).
        if (effectiveOn == m.Today)
        {
            var current = await m.Db.Agreements.Where(a => a.PartnershipId == partnership.Id).OrderByDescending(a => a.Version)
                .Select(a => new { Agreement = a, Signed = a.Signatures.Select(s => s.DistrictId).ToList() }).FirstAsync(m.Field.CancellationToken);
            await m.PutInForceWhenSignedAsync(partnership, current.Agreement, current.Signed, m.Today);
        }
        return partnership;
    }

    private static async Task<Partnership?> CompleteAsync(MutationContext<ClosePartnershipInput> m)
    {
        var (partnership, reason, closedOn) = await ClosingAsync(m, reasonRequired: false);
        if (partnership is null) return null;
        if (partnership.Status != PartnershipStatus.Active)
            m.Violates("NOT_ACTIVE", $"{partnership.Name} is {partnership.Status.ToString().ToUpperInvariant()}; only an ACTIVE partnership completes (dissolve a PROPOSED one).", "partnershipId");
        var open = await m.Db.Commitments.CountAsync(c => c.PartnershipId == partnership.Id && Commitment.OpenStatuses.Contains(c.Status), m.Field.CancellationToken);
        if (open > 0)
            m.Violates("OPEN_COMMITMENTS", $"{partnership.Name} has {open} commitment{(open == 1 ? "" : "s")} neither DONE nor DROPPED; report each before completing it.", "partnershipId");
        if (await m.Db.Decisions.AnyAsync(d => d.PartnershipId == partnership.Id && d.Status == DecisionStatus.Open && d.Deadline > m.Now, m.Field.CancellationToken))
            m.Violates("OPEN_DECISIONS", $"{partnership.Name} has decisions still open; let them close or withdraw them first.", "partnershipId");
        if (m.Failed) return null;
        Close(m, partnership, PartnershipStatus.Completed, reason, closedOn);
        return partnership;
    }

    private static async Task<Partnership?> DissolveAsync(MutationContext<ClosePartnershipInput> m)
    {
        var (partnership, reason, closedOn) = await ClosingAsync(m, reasonRequired: true);
        if (partnership is null || m.Failed) return null;

        // Nothing stays half-open in a dissolved partnership; what was open says why it closed.
        var commitments = await m.Db.Commitments.Where(c => c.PartnershipId == partnership.Id && Commitment.OpenStatuses.Contains(c.Status)).ToListAsync(m.Field.CancellationToken);
        foreach (var commitment in commitments)
        {
            commitment.Status = CommitmentStatus.Dropped;
            commitment.Revise();
            m.Db.ProgressUpdates.Add(new ProgressUpdate { CommitmentId = commitment.Id, ReportedAt = m.Now, Status = CommitmentStatus.Dropped, Note = $"Partnership dissolved: {reason}" });
        }
        var decisions = await m.Db.Decisions.Where(d => d.PartnershipId == partnership.Id && d.Status == DecisionStatus.Open).ToListAsync(m.Field.CancellationToken);
        foreach (var decision in decisions)
        {
            decision.Status = DecisionOutcome.Effective(decision, m.Now) == DecisionStatus.Expired ? DecisionStatus.Expired : DecisionStatus.Withdrawn;
            decision.WithdrawalReason = decision.Status == DecisionStatus.Withdrawn ? $"Partnership dissolved: {reason}" : null;
            decision.ClosedAt = m.Now;
            decision.Revise();
        }
        Close(m, partnership, PartnershipStatus.Dissolved, reason, closedOn);
        return partnership;
    }

    private static async Task<(Partnership? Partnership, string? Reason, DateOnly ClosedOn)> ClosingAsync(MutationContext<ClosePartnershipInput> m, bool reasonRequired)
    {
        var input = m.Input;
        var reason = m.Text(input.Reason, "reason", 2000, required: reasonRequired);
        var closedOn = input.EffectiveOn ?? m.Today;
        if (closedOn > m.Today) m.Invalid("EFFECTIVE_IN_FUTURE", "`effectiveOn` is in the future; record the end on the day it takes effect.", "effectiveOn");
        var partnership = await m.AsLeadAsync(input.PartnershipId, "partnershipId");
        if (partnership is null || m.Failed) return (null, null, closedOn);
        m.RequireOpen(partnership, "partnershipId", "it has already ended");
        if (partnership.StartsOn is { } starts && closedOn < starts)
            m.Invalid("INVALID_RANGE", $"`effectiveOn` is before the partnership started ({starts:yyyy-MM-dd}).", "effectiveOn");
        return (partnership, reason, closedOn);
    }

    private static void Close(MutationContext<ClosePartnershipInput> m, Partnership partnership, PartnershipStatus status, string? reason, DateOnly closedOn)
    {
        partnership.Status = status;
        partnership.ClosedOn = closedOn;
        partnership.ClosingReason = reason;
        m.Revise(partnership, m.Input.ExpectedRevision);
    }
}
