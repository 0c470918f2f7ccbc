using ConsortiumGraph.Decisions;
using ConsortiumGraph.Partnerships;

namespace ConsortiumGraph.Tests;

/// <summary>The decision rules as a table: members (L lead, F fiscal agent, M member) and the votes cast so far (Y, N, A, - for not yet).</summary>
public sealed class DecisionOutcomeTests
{
    [Theory]
    [InlineData(DecisionRule.Unanimous, "LMM", "YY-", DecisionStatus.Open)]
    [InlineData(DecisionRule.Unanimous, "LMM", "YYY", DecisionStatus.Adopted)]
    [InlineData(DecisionRule.Unanimous, "LMM", "YYA", DecisionStatus.Adopted)]
    [InlineData(DecisionRule.Unanimous, "LMM", "N--", DecisionStatus.Rejected)]
    [InlineData(DecisionRule.Unanimous, "LMM", "AAA", DecisionStatus.Rejected)]
    [InlineData(DecisionRule.Majority, "LMMM", "YY--", DecisionStatus.Open)]
    [InlineData(DecisionRule.Majority, "LMMM", "YYY-", DecisionStatus.Adopted)]
    [InlineData(DecisionRule.Majority, "LMMM", "NN--", DecisionStatus.Rejected)]
    [InlineData(DecisionRule.Majority, "LMM", "YY-", DecisionStatus.Adopted)]
    [InlineData(DecisionRule.Majority, "LMM", "NA-", DecisionStatus.Rejected)]
    [InlineData(DecisionRule.TwoThirds, "LMM", "YY-", DecisionStatus.Adopted)]
    [InlineData(DecisionRule.TwoThirds, "LMMMM", "YYY--", DecisionStatus.Open)]
    [InlineData(DecisionRule.TwoThirds, "LMMMM", "YYYY-", DecisionStatus.Adopted)]
    [InlineData(DecisionRule.TwoThirds, "LMMMM", "NN---", DecisionStatus.Rejected)]
    [InlineData(DecisionRule.LeadDistrict, "LMM", "-YY", DecisionStatus.Open)]
    [InlineData(DecisionRule.LeadDistrict, "LMM", "YNN", DecisionStatus.Adopted)]
    [InlineData(DecisionRule.LeadDistrict, "LMM", "NYY", DecisionStatus.Rejected)]
    [InlineData(DecisionRule.LeadDistrict, "LMM", "A--", DecisionStatus.Rejected)]
    [InlineData(DecisionRule.FiscalAgent, "LFM", "Y-Y", DecisionStatus.Open)]
    [InlineData(DecisionRule.FiscalAgent, "LFM", "NY-", DecisionStatus.Adopted)]
    [InlineData(DecisionRule.FiscalAgent, "LFM", "YN-", DecisionStatus.Rejected)]
    // A lead that is also the fiscal agent (B: both) decides either way.
    [InlineData(DecisionRule.FiscalAgent, "MBM", "-Y-", DecisionStatus.Adopted)]
    [InlineData(DecisionRule.LeadDistrict, "MBM", "YN-", DecisionStatus.Rejected)]
    public void Outcome_follows_the_rule_and_closes_when_certain(DecisionRule rule, string members, string votes, DecisionStatus expected)
    {
        var roles = members.Select((r, i) => new PartnershipMember
        {
            DistrictId = i + 1,
            IsLead = r is 'L' or 'B',
            IsFiscalAgent = r is 'F' or 'B',
        }).ToList();
        var cast = votes.Select((v, i) => (v, i)).Where(x => x.v != '-').Select(x => new Vote
        {
            DistrictId = x.i + 1,
            Choice = x.v switch { 'Y' => VoteChoice.Yes, 'N' => VoteChoice.No, _ => VoteChoice.Abstain },
        }).ToList();
        Assert.Equal(expected, DecisionOutcome.Of(rule, roles, cast));
    }

    [Fact]
    public void Votes_of_districts_that_are_no_longer_members_do_not_count()
    {
        var members = new List<PartnershipMember> { new() { DistrictId = 1, IsLead = true }, new() { DistrictId = 2 }, new() { DistrictId = 3 } };
        var votes = new List<Vote> { new() { DistrictId = 1, Choice = VoteChoice.Yes }, new() { DistrictId = 9, Choice = VoteChoice.Yes } };
        Assert.Equal(DecisionStatus.Open, DecisionOutcome.Of(DecisionRule.Majority, members, votes));
    }
}
