using ConsortiumGraph.Partnerships;

namespace ConsortiumGraph.Decisions;

/// <summary>
/// Applies an area's rule to the votes cast so far. The outcome is decided as soon as it is certain:
/// no vote still to come could change it. Members vote once each, so "certain" is a matter of counting.
/// </summary>
public static class DecisionOutcome
{
    public static DecisionStatus Of(DecisionRule rule, IReadOnlyCollection<PartnershipMember> members, IReadOnlyCollection<Vote> votes)
    {
        var memberIds = members.Select(m => m.DistrictId).ToHashSet();
        var cast = votes.Where(v => memberIds.Contains(v.DistrictId)).ToList();
        var total = memberIds.Count;
        var yes = cast.Count(v => v.Choice == VoteChoice.Yes);
        var no = cast.Count(v => v.Choice == VoteChoice.No);
        var remaining = total - cast.Count;

        return rule switch
        {
            DecisionRule.Unanimous when no > 0 => DecisionStatus.Rejected,
            DecisionRule.Unanimous when remaining == 0 => yes > 0 ? DecisionStatus.Adopted : DecisionStatus.Rejected,
            DecisionRule.Majority when yes * 2 > total => DecisionStatus.Adopted,
            DecisionRule.Majority when (yes + remaining) * 2 <= total => DecisionStatus.Rejected,
            DecisionRule.TwoThirds when yes * 3 >= total * 2 => DecisionStatus.Adopted,
            DecisionRule.TwoThirds when (yes + remaining) * 3 < total * 2 => DecisionStatus.Rejected,
            DecisionRule.LeadDistrict => ByRole(MemberRole.Lead),
            DecisionRule.FiscalAgent => ByRole(MemberRole.FiscalAgent),
            _ => DecisionStatus.Open,
        };

        DecisionStatus ByRole(MemberRole role)
        {
            var decider = members.FirstOrDefault(m => m.Holds(role));
            var vote = decider is null ? null : cast.FirstOrDefault(v => v.DistrictId == decider.DistrictId);
            // An abstaining decider leaves nothing that could adopt the decision.
            return vote?.Choice switch
            {
                VoteChoice.Yes => DecisionStatus.Adopted,
                VoteChoice.No or VoteChoice.Abstain => DecisionStatus.Rejected,
                _ => DecisionStatus.Open,
            };
        }
    }

    /// <summary>An open decision whose deadline passed is expired, even before the sweep has stored that.</summary>
    public static DecisionStatus Effective(Decision decision, DateTime now) =>
        decision.Status == DecisionStatus.Open && decision.Deadline <= now ? DecisionStatus.Expired : decision.Status;
}
