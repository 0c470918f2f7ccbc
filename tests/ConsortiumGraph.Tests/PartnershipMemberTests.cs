using ConsortiumGraph.Partnerships;

namespace ConsortiumGraph.Tests;

public sealed class PartnershipMemberTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void A_member_lists_the_roles_it_holds_most_significant_first(bool lead, bool fiscalAgent)
    {
        var member = new PartnershipMember { IsLead = lead, IsFiscalAgent = fiscalAgent };
        Assert.Equal(Enum.GetValues<MemberRole>().Where(member.Holds), member.Roles);
        Assert.Equal(member.Roles[0], member.PrincipalRole);
    }
}
