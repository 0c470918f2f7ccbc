using ConsortiumGraph.Agreements;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Graph;
using ConsortiumGraph.PluginHost;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Partnerships;

public static class PartnershipMutations
{
    public static void AddPartnershipMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreatePartnershipInput, PartnershipType, Partnership>("createPartnership",
            "Proposes a partnership with its members, decision rights and first agreement.", CreateAsync);
        mutation.Mutation<JoinPartnershipInput, PartnershipType, Partnership>("joinPartnership",
            "Adds a district of the consortium to a partnership.", JoinAsync);
    }

    private static async Task<Partnership?> CreateAsync(MutationContext<CreatePartnershipInput> m)
    {
        var input = m.Input;
        var consortium = await m.Find<Consortium>(input.ConsortiumId, "Consortium", "consortiumId");
        var name = m.Text(input.Name, "name", 200);
        var sharedGoal = m.Text(input.SharedGoal, "sharedGoal", 2000, required: false);
        var title = m.Text(input.AgreementTitle, "agreementTitle", 200);
        var terms = m.Text(input.AgreementTerms, "agreementTerms", 20000);
        var lead = m.Id(input.LeadDistrictId, "District", "leadDistrictId");
        var fiscalAgent = m.Id(input.FiscalAgentId, "District", "fiscalAgentId");
        var members = new List<int>();
        for (var i = 0; i < input.MemberDistrictIds.Count; i++)
            if (m.Id(input.MemberDistrictIds[i], "District", $"memberDistrictIds.{i}") is { } id && !members.Contains(id))
                members.Add(id);
        if (input.StartsOn > input.EndsOn)
            m.Invalid("INVALID_RANGE", "`endsOn` is before `startsOn`.", "endsOn");
        if (input.AgreementExpiresOn is { } expires && (expires <= m.Today || expires < input.StartsOn))
            m.Invalid("INVALID_RANGE", "`agreementExpiresOn` must be in the future and not before `startsOn`.", "agreementExpiresOn");
        var rights = m.DecisionRights(input.DecisionRights ?? [], "decisionRights");
        if (consortium is null || name is null || lead is null || m.Failed) return null;
        // District staff propose partnerships their own district leads.
        if (!m.ActingFor(lead.Value, $"district {input.LeadDistrictId}", "leadDistrictId")) return null;

        if (await m.Db.Partnerships.AnyAsync(p => p.ConsortiumId == consortium.Id && p.Name == name, m.Field.CancellationToken))
            m.Violates("DUPLICATE_NAME", $"{consortium.Name} already has a partnership named {name}.", "name");
        if (members.Count < 2)
            m.Violates("AT_LEAST_TWO_MEMBERS", "A partnership needs at least two member districts.", "memberDistrictIds");
        if (!members.Contains(lead.Value))
            m.Violates("LEAD_MUST_BE_MEMBER", "The lead district must be one of the members.", "leadDistrictId");
        if (fiscalAgent is { } agent && !members.Contains(agent))
            m.Violates("FISCAL_AGENT_MUST_BE_MEMBER", "The fiscal agent must be one of the members.", "fiscalAgentId");
        if (input.Kind == PartnershipKind.GrantProject && fiscalAgent is null)
            m.Violates("FISCAL_AGENT_REQUIRED", "A grant project needs a fiscal agent to receive the grant.", "fiscalAgentId");
        if (fiscalAgent is null && rights.Any(r => r.Rule == DecisionRule.FiscalAgent))
            m.Violates("FISCAL_AGENT_REQUIRED", "An area decided by the fiscal agent needs a fiscal agent.", "decisionRights");
        var inConsortium = await m.Db.ConsortiumMemberships
            .Where(cm => cm.ConsortiumId == consortium.Id && members.Contains(cm.DistrictId) && cm.LeftOn == null).Select(cm => cm.DistrictId)
            .ToListAsync(m.Field.CancellationToken);
        foreach (var outsider in members.Where(id => !inConsortium.Contains(id)))
            m.Violates("DISTRICT_NOT_IN_CONSORTIUM", $"District {GlobalId.Encode("District", outsider)} is not a member of {consortium.Name}.",
                $"memberDistrictIds.{input.MemberDistrictIds.FindIndex(id => GlobalId.TryDecode(id, "District", out var k) && k == outsider)}");
        if (m.Failed) return null;

        var partnership = new Partnership
        {
            ConsortiumId = consortium.Id,
            Name = name,
            Kind = input.Kind,
            Status = PartnershipStatus.Proposed,
            SharedGoal = sharedGoal,
            StartsOn = input.StartsOn,
            EndsOn = input.EndsOn,
            DecisionRights = rights,
            Members = members.Select(id => new PartnershipMember
            {
                DistrictId = id,
                IsLead = id == lead,
                IsFiscalAgent = id == fiscalAgent,
                JoinedOn = m.Today,
            }).ToList(),
            Agreements = [new Agreement { Version = 1, Title = title!, Terms = terms!, ExpiresOn = input.AgreementExpiresOn, Status = AgreementStatus.Pending }],
        };
        m.Db.Partnerships.Add(partnership);
        return partnership;
    }

    private static async Task<Partnership?> JoinAsync(MutationContext<JoinPartnershipInput> m)
    {
        var input = m.Input;
        var partnership = await m.Find<Partnership>(input.PartnershipId, "Partnership", "partnershipId", q => q.Include(p => p.Members));
        var district = await m.Find<Districts.District>(input.DistrictId, "District", "districtId");
        if (partnership is null || district is null) return null;
        if (!m.ActingFor(district.Id, district.Name, "districtId")) return null;

        m.RequireOpen(partnership, "partnershipId", "no district can join it");
        if (partnership.Members.Any(member => member.DistrictId == district.Id))
            m.Violates("ALREADY_MEMBER", $"{district.Name} is already a member of {partnership.Name}.", "districtId");
        if (!await m.Db.ConsortiumMemberships.AnyAsync(cm => cm.ConsortiumId == partnership.ConsortiumId && cm.DistrictId == district.Id && cm.LeftOn == null, m.Field.CancellationToken))
            m.Violates("DISTRICT_NOT_IN_CONSORTIUM", $"{district.Name} is not a member of the partnership's consortium.", "districtId");
        if (input.Role != MemberRole.Member && partnership.Members.Any(member => member.IsCurrentOn(m.Today) && member.Holds(input.Role)))
            m.Violates(input.Role == MemberRole.Lead ? "LEAD_EXISTS" : "FISCAL_AGENT_EXISTS",
                $"{partnership.Name} already has a {(input.Role == MemberRole.Lead ? "lead district" : "fiscal agent")}; there is exactly one.", "role");
        await m.CheckLocalRulesAsync(district.Code, async _ => new Plugins.ProposedMembership
        {
            DistrictCode = district.Code, Partnership = await m.PartnershipViewAsync(partnership.Id), Role = PluginViews.Map<Plugins.MemberRole>(input.Role),
        });
        if (m.Failed) return null;

        partnership.Members.Add(new PartnershipMember
        {
            DistrictId = district.Id, IsLead = input.Role == MemberRole.Lead, IsFiscalAgent = input.Role == MemberRole.FiscalAgent, JoinedOn = m.Today,
        });
        m.Revise(partnership, input.ExpectedRevision);
        return partnership;
    }
}
