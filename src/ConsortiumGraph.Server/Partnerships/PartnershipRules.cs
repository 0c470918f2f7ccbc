using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;

namespace ConsortiumGraph.Partnerships;

/// <summary>Consortium rules about partnerships that several mutations share.</summary>
public static class PartnershipRules
{
    /// <summary>A COMPLETED or DISSOLVED partnership takes no new members, signatures, commitments or decisions.</summary>
    public static void RequireOpen<TInput>(this MutationContext<TInput> m, Partnership partnership, string inputField, string refusal)
    {
        if (partnership.Status is PartnershipStatus.Completed or PartnershipStatus.Dissolved)
            m.Violates("PARTNERSHIP_CLOSED", $"{partnership.Name} is {partnership.Status.ToString().ToUpperInvariant()}; {refusal}.", inputField);
    }

    public const string MemberRequired = "DISTRICT_MUST_BE_MEMBER";

    /// <summary>
    /// Only a member district acts in a partnership (commits, signs, votes): DISTRICT_MUST_BE_MEMBER on
    /// <c>districtId</c>. <paramref name="legacyCode"/> is the code the mutation answered before the rule was shared.
    /// </summary>
    public static void RequireMember<TInput>(this MutationContext<TInput> m, Partnership partnership, District district, string only, string legacyCode)
    {
        if (partnership.Members.All(member => member.DistrictId != district.Id))
            m.ViolatesRenamed(MemberRequired, legacyCode, $"{district.Name} is not a member of {partnership.Name}; only members {only}.", "districtId");
    }
}
