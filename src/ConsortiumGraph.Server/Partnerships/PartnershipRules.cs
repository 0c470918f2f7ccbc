using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>The area whose decisions change a partnership's decision rights.</summary>
    public const string GovernanceArea = "governance";

    /// <summary>Decision rights as given in an input: each area named once (DUPLICATE_AREA), within its length.</summary>
    public static List<DecisionRight> DecisionRights<TInput>(this MutationContext<TInput> m, IEnumerable<DecisionRightInput> inputs, string inputField)
    {
        var rights = new List<DecisionRight>();
        foreach (var (right, i) in inputs.Select((r, i) => (r, i)))
        {
            if (m.Text(right.Area, $"{inputField}.{i}.area", 64) is not { } area) continue;
            if (rights.Any(r => string.Equals(r.Area, area, StringComparison.OrdinalIgnoreCase)))
                m.Invalid("DUPLICATE_AREA", $"The area `{area}` has more than one rule.", $"{inputField}.{i}.area");
            rights.Add(new DecisionRight { Area = area, Rule = right.Rule });
        }
        return rights;
    }

    /// <summary>The members on <paramref name="day"/>: a district that gave notice counts until its leaving day.</summary>
    public static List<PartnershipMember> CurrentMembers(this Partnership partnership, DateOnly day) =>
        partnership.Members.Where(member => member.IsCurrentOn(day)).ToList();

    /// <summary>
    /// Only a member district acts in a partnership (commits, signs, votes): DISTRICT_MUST_BE_MEMBER on
    /// <c>districtId</c>. <paramref name="legacyCode"/> is the code the mutation answered before the rule was shared.
    /// </summary>
    public static void RequireMember<TInput>(this MutationContext<TInput> m, Partnership partnership, District district, string only, string legacyCode)
    {
        var member = partnership.Members.FirstOrDefault(member => member.DistrictId == district.Id);
        if (member is null)
            m.ViolatesRenamed(MemberRequired, legacyCode, $"{district.Name} is not a member of {partnership.Name}; only members {only}.", "districtId");
        else if (!member.IsCurrentOn(m.Today))
            m.ViolatesRenamed(MemberRequired, legacyCode, $"{district.Name} left {partnership.Name} on {member.LeftOn:yyyy-MM-dd}; only members {only}.", "districtId");
    }

    /// <summary>The partnership with its members, when the caller acts for its lead (or administers its consortium); NOT_AUTHORIZED otherwise.</summary>
    public static async Task<Partnership?> AsLeadAsync<TInput>(this MutationContext<TInput> m, string? id, string inputField)
    {
        var partnership = await m.Find<Partnership>(id, "Partnership", inputField, q => q.Include(p => p.Members).ThenInclude(member => member.District));
        if (partnership is null) return null;
        var lead = partnership.Members.FirstOrDefault(member => member.IsLead && member.IsCurrentOn(m.Today));
        if (lead is not null ? !m.ActingFor(lead.DistrictId, lead.District.Name, inputField) : !m.Caller.IsAdmin)
        {
            if (lead is null) m.Forbidden($"{partnership.Name} has no lead district; only an admin of its consortium may change it.", inputField);
            return null;
        }
        return partnership;
    }
}
