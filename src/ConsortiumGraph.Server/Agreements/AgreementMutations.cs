using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.PluginHost;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Agreements;

public static class AgreementMutations
{
    public static void AddAgreementMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<SignAgreementInput, AgreementType, Agreement>("signAgreement",
            "Signs the current agreement for a member district. When the last member signs, a proposed partnership becomes ACTIVE.",
            SignAsync);
    }

    private static async Task<Agreement?> SignAsync(MutationContext<SignAgreementInput> m)
    {
        var input = m.Input;
        var agreement = await m.Find<Agreement>(input.AgreementId, "Agreement", "agreementId", q => q.Include(a => a.Partnership).ThenInclude(p => p.Members));
        var district = await m.Find<District>(input.DistrictId, "District", "districtId");
        var signedBy = m.Text(input.SignedBy, "signedBy", 200);
        if (agreement is null || district is null || signedBy is null) return null;
        if (!m.ActingFor(district.Id, district.Name, "districtId")) return null;

        var partnership = agreement.Partnership;
        m.RequireOpen(partnership, "agreementId", "its agreement can no longer be signed");
        if (await m.Db.Agreements.AnyAsync(a => a.PartnershipId == agreement.PartnershipId && a.Version > agreement.Version, m.Field.CancellationToken))
            m.Violates("AGREEMENT_SUPERSEDED", $"Version {agreement.Version} is not the current agreement; sign the latest version.", "agreementId");
        m.RequireMember(partnership, district, "sign its agreement", "SIGNER_MUST_BE_MEMBER");
        var signed = await m.Db.Signatures.Where(s => s.AgreementId == agreement.Id).Select(s => s.DistrictId).ToListAsync(m.Field.CancellationToken);
        if (signed.Contains(district.Id))
            m.Violates("ALREADY_SIGNED", $"{district.Name} has already signed this agreement.", "districtId");
        await m.CheckLocalRulesAsync(district.Code, async _ => new Plugins.ProposedSignature
        {
            DistrictCode = district.Code, Partnership = await m.PartnershipViewAsync(partnership.Id),
            AgreementVersion = agreement.Version, AgreementTitle = agreement.Title, SignedBy = signedBy,
        });
        if (m.Failed) return null;

        agreement.Signatures.Add(new Signature { DistrictId = district.Id, SignedBy = signedBy, SignedAt = m.Now });
        m.Revise(agreement, input.ExpectedRevision);

        signed.Add(district.Id);
        if (partnership.Status == PartnershipStatus.Proposed && partnership.Members.All(member => signed.Contains(member.DistrictId)))
        {
            // The consortium's rule: a partnership is ACTIVE only once every member signed the current agreement.
            partnership.Status = PartnershipStatus.Active;
            m.Revise(partnership, null);
            agreement.EffectiveOn ??= m.Today;
        }
        return agreement;
    }
}
