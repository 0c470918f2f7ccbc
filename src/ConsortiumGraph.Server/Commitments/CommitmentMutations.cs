using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.LocalFields;
using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Schools;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Commitments;

public static class CommitmentMutations
{
    public static void AddCommitmentMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateCommitmentInput, CommitmentType, Commitment>("createCommitment",
            "Records what a member district (or one of its schools) commits to in a partnership.", CreateAsync);
        mutation.Mutation<ReportProgressInput, CommitmentType, Commitment>("reportProgress",
            "Adds a dated progress report to a commitment and sets its status.", ReportAsync);
    }

    private static async Task<Commitment?> CreateAsync(MutationContext<CreateCommitmentInput> m)
    {
        var input = m.Input;
        var partnership = await m.Find<Partnership>(input.PartnershipId, "Partnership", "partnershipId", q => q.Include(p => p.Members));
        var district = await m.Find<District>(input.DistrictId, "District", "districtId");
        var school = input.SchoolId is null ? null : await m.Find<School>(input.SchoolId, "School", "schoolId");
        var title = m.Text(input.Title, "title", 200);
        var description = m.Text(input.Description, "description", 4000, required: false);
        if (input.Dollars is < 0 or > 100_000_000_000m)
            m.Invalid("OUT_OF_RANGE", "`dollars` must be between 0 and 100,000,000,000.", "dollars");
        if (input.StaffFte is { } fte && (fte <= 0 || fte > 1000 || double.IsNaN(fte)))
            m.Invalid("OUT_OF_RANGE", "`staffFte` must be more than 0 and at most 1000.", "staffFte");
        if (input.StudentSeats is < 0 or > 1_000_000)
            m.Invalid("OUT_OF_RANGE", "`studentSeats` must be between 0 and 1,000,000.", "studentSeats");
        if (partnership is null || district is null || title is null || m.Failed) return null;
        if (!m.ActingFor(district.Id, district.Name, "districtId")) return null;

        m.RequireOpen(partnership, "partnershipId", "it takes no new commitments");
        m.RequireMember(partnership, district, "make commitments in it", "COMMITMENT_DISTRICT_MUST_BE_MEMBER");
        if (school is not null && school.DistrictId != district.Id)
            m.Violates("SCHOOL_MUST_BELONG_TO_DISTRICT", $"{school.Name} is not a school of {district.Name}.", "schoolId");
        if (m.Failed) return null;

        var local = new Dictionary<ComposedPlugin, (Plugins.LocalValues Values, IReadOnlyDictionary<string, object?> Changes)>();
        foreach (var (entry, i) in (input.Local ?? []).Select((e, i) => (e, i)))
        {
            if (m.LocalFieldsPlugin(entry.Plugin, ExtensibleEntity.Commitment, $"local.{i}.plugin") is not { } plugin) continue;
            if (local.ContainsKey(plugin)) { m.Invalid("DUPLICATE_PLUGIN", $"`local` names the `{plugin.Key}` plugin twice.", $"local.{i}.plugin"); continue; }
            if (!plugin.Districts.ContainsKey(district.Code))
            {
                m.Violates("OUT_OF_PLUGIN_SCOPE", $"The `{plugin.Key}` plugin does not speak for {district.Name}, so this commitment has no `{plugin.Key}` fields.", $"local.{i}.plugin");
                continue;
            }
            if (m.CheckLocalValues(plugin, ExtensibleEntity.Commitment, entry.Values, Plugins.LocalValues.Empty, $"local.{i}.values") is ({ } values, { } changes))
                local[plugin] = (values, changes);
        }
        Task<Plugins.PartnershipView>? partnershipView = null;
        await m.CheckLocalRulesAsync(district.Code, async plugin => new Plugins.ProposedCommitment
        {
            DistrictCode = district.Code,
            Partnership = await (partnershipView ??= m.PartnershipViewAsync(partnership.Id)),
            SchoolCode = school?.Code, Title = title, DueOn = input.DueOn, Dollars = input.Dollars, StaffFte = input.StaffFte, StudentSeats = input.StudentSeats,
            Local = local.TryGetValue(plugin, out var sent) ? sent.Values : Plugins.LocalValues.Empty,
        });
        if (m.Failed) return null;

        var commitment = new Commitment
        {
            PartnershipId = partnership.Id,
            DistrictId = district.Id,
            SchoolId = school?.Id,
            Title = title,
            Description = description,
            DueOn = input.DueOn,
            Status = CommitmentStatus.Planned,
            Dollars = input.Dollars,
            StaffFte = input.StaffFte,
            StudentSeats = input.StudentSeats,
        };
        m.Db.Commitments.Add(commitment);
        foreach (var (plugin, (_, changes)) in local)
            m.ThenSave(() => LocalFieldStore.WriteAsync(m.Db, plugin.Key, ExtensibleEntity.Commitment, commitment.Id, changes, m.Now, m.Field.CancellationToken));
        return commitment;
    }

    private static async Task<Commitment?> ReportAsync(MutationContext<ReportProgressInput> m)
    {
        var input = m.Input;
        var commitment = await m.Find<Commitment>(input.CommitmentId, "Commitment", "commitmentId", q => q.Include(c => c.District));
        var note = m.Text(input.Note, "note", 4000, required: false);
        if (input.PercentComplete is < 0 or > 100)
            m.Invalid("OUT_OF_RANGE", "`percentComplete` must be between 0 and 100.", "percentComplete");
        if (commitment is null || m.Failed) return null;
        if (!m.ActingFor(commitment.DistrictId, commitment.District.Name, "commitmentId")) return null;

        if (commitment.Status is CommitmentStatus.Done or CommitmentStatus.Dropped)
            m.Violates("COMMITMENT_CLOSED", $"The commitment is {commitment.Status.ToString().ToUpperInvariant()}; it takes no more progress reports.", "commitmentId");
        await m.CheckLocalRulesAsync(commitment.District.Code, async _ => new Plugins.ProposedProgress
        {
            DistrictCode = commitment.District.Code,
            Commitment = (await PluginViews.CommitmentsAsync(m.Db, [commitment.Id], m.Field.CancellationToken))[commitment.Id],
            Status = PluginViews.Map<Plugins.CommitmentStatus>(input.Status), PercentComplete = input.PercentComplete, Note = note,
        });
        if (m.Failed) return null;

        m.Db.ProgressUpdates.Add(new ProgressUpdate
        {
            CommitmentId = commitment.Id,
            ReportedAt = m.Now,
            Status = input.Status,
            PercentComplete = input.PercentComplete,
            Note = note,
        });
        commitment.Status = input.Status;
        // Reports on one commitment serialize: a concurrent report read the same revision, and only one of
        // them saves; the others get CONFLICT and, re-read, see the new status (COMMITMENT_CLOSED after DONE).
        m.Revise(commitment, input.ExpectedRevision);
        return commitment;
    }
}
