using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Policy;

/// <summary>The consortium's policy work: its admins track state policy items and keep their position, status and evidence current.</summary>
public static class PolicyMutations
{
    public const int MaxPartnerships = 20;

    public static void AddPolicyMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<TrackPolicyInput, PolicyItemType, PolicyItem>("trackPolicy",
            "Starts tracking a state policy or barrier the consortium works on: a statute, regulation or guidance, its position and the advocacy partnerships carrying it. Its admins.", TrackAsync)
            .AuthorizeWithRoles(Readers.Admins);
        mutation.Mutation<UpdatePolicyInput, PolicyItemType, PolicyItem>("updatePolicy",
            "Changes a policy item's position, status, summary, evidence or partnerships. The consortium's admins.", UpdateAsync)
            .AuthorizeWithRoles(Readers.Admins);
    }

    private static async Task<PolicyItem?> TrackAsync(MutationContext<TrackPolicyInput> m)
    {
        var input = m.Input;
        var ct = m.Field.CancellationToken;
        var consortium = await m.Find<Consortia.Consortium>(input.ConsortiumId, "Consortium", "consortiumId");
        var state = m.State(input.State, "state");
        var title = m.Text(input.Title, "title", 200);
        var summary = m.Text(input.Summary, "summary", 4000, required: false);
        var evidence = m.Text(input.Evidence, "evidence", 4000, required: false);
        if (consortium is null || state is null || title is null || m.Failed) return null;
        if (!await m.Db.ConsortiumMemberships.AnyAsync(x => x.ConsortiumId == consortium.Id && x.LeftOn == null && x.District.State == state, ct))
            m.Violates("NOT_A_MEMBER_STATE", $"No member district of {consortium.Name} is in {state}.", "state");
        if (await m.Db.PolicyItems.AnyAsync(p => p.ConsortiumId == consortium.Id && p.State == state && p.Title == title, ct))
            m.Violates("DUPLICATE_NAME", $"{consortium.Name} tracks {title} in {state} already.", "title");
        var partnerships = await PartnershipsAsync(m, consortium.Id, input.PartnershipIds ?? []);
        if (m.Failed) return null;
        var item = new PolicyItem
        {
            ConsortiumId = consortium.Id, State = state, Title = title, Kind = input.Kind, Position = input.Position ?? PolicyPosition.Monitor,
            Status = PolicyStatus.Watching, Summary = summary, Evidence = evidence, TrackedAt = m.Now,
            Partnerships = [.. partnerships.Select(id => new PolicyPartnership { PartnershipId = id })],
        };
        m.Db.PolicyItems.Add(item);
        return item;
    }

    private static async Task<PolicyItem?> UpdateAsync(MutationContext<UpdatePolicyInput> m)
    {
        var input = m.Input;
        var item = await m.Find<PolicyItem>(input.Id, "PolicyItem", "id", q => q.Include(p => p.Partnerships));
        var summary = m.Text(input.Summary, "summary", 4000, required: false);
        var evidence = m.Text(input.Evidence, "evidence", 4000, required: false);
        if (item is null || m.Failed) return null;
        var partnerships = input.PartnershipIds is null ? null : await PartnershipsAsync(m, item.ConsortiumId, input.PartnershipIds);
        if (input.Position is null && input.Status is null && summary is null && evidence is null && partnerships is null)
            m.Invalid("UNCHANGED", "Give at least one of `position`, `status`, `summary`, `evidence` and `partnershipIds`.", "id");
        if (m.Failed) return null;
        item.Position = input.Position ?? item.Position;
        item.Status = input.Status ?? item.Status;
        item.Summary = summary ?? item.Summary;
        item.Evidence = evidence ?? item.Evidence;
        if (partnerships is not null)
        {
            // Links are rows of their own: removed as rows, not only from the list (which would orphan them).
            var removed = item.Partnerships.Where(p => !partnerships.Contains(p.PartnershipId)).ToList();
            m.Db.PolicyPartnerships.RemoveRange(removed);
            item.Partnerships.RemoveAll(removed.Contains);
            item.Partnerships.AddRange(partnerships.Where(id => item.Partnerships.All(p => p.PartnershipId != id)).Select(id => new PolicyPartnership { PartnershipId = id }));
        }
        m.Revise(item, input.ExpectedRevision);
        return item;
    }

    /// <summary>The consortium's ADVOCACY partnerships the IDs name, once each; records what is wrong with the others.</summary>
    private static async Task<List<int>> PartnershipsAsync<TInput>(MutationContext<TInput> m, int consortiumId, IReadOnlyList<string> ids)
    {
        if (ids.Count > MaxPartnerships) m.Invalid("OUT_OF_RANGE", $"At most {MaxPartnerships} partnerships carry one policy item.", "partnershipIds");
        var keys = ids.Select((id, i) => m.Id(id, "Partnership", $"partnershipIds.{i}")).ToList();
        var wanted = keys.OfType<int>().ToList();
        var found = await m.Db.Partnerships.Where(p => wanted.Contains(p.Id)).Select(p => new { p.Id, p.ConsortiumId, p.Kind, p.Name }).ToListAsync(m.Field.CancellationToken);
        var result = new List<int>();
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            if (key is null) continue;
            var field = $"partnershipIds.{i}";
            var partnership = found.FirstOrDefault(p => p.Id == key);
            if (partnership is null || partnership.ConsortiumId != consortiumId) m.Invalid("NOT_FOUND", $"No partnership of the consortium has the ID given as `{field}`.", field);
            else if (partnership.Kind != PartnershipKind.Advocacy) m.Violates("NOT_ADVOCACY", $"{partnership.Name} is not an ADVOCACY partnership.", field);
            else if (!result.Contains(partnership.Id)) result.Add(partnership.Id);
        }
        return result;
    }
}
