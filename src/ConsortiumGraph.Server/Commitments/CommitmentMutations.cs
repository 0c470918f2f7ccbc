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
        mutation.Mutation<UpdateCommitmentInput, CommitmentType, Commitment>("updateCommitment",
            "Changes an open commitment's title, due date, dollars, staff FTE, seats or school, re-checked against every consortium and plugin rule.", UpdateAsync);
        mutation.Mutation<ReopenCommitmentInput, CommitmentType, Commitment>("reopenCommitment",
            "Takes up a DROPPED commitment again, with a progress report.", ReopenAsync);
    }

    private static async Task<Commitment?> CreateAsync(MutationContext<CreateCommitmentInput> m)
    {
        var input = m.Input;
        var partnership = await m.Find<Partnership>(input.PartnershipId, "Partnership", "partnershipId", q => q.Include(p => p.Members));
        var district = await m.Find<District>(input.DistrictId, "District", "districtId");
        var school = input.SchoolId is null ? null : await m.Find<School>(input.SchoolId, "School", "schoolId");
        var title = m.Text(input.Title, "title", 200);
        var description = m.Text(input.Description, "description", 4000, required: false);
        CheckResources(m, input.Dollars, input.StaffFte, input.StudentSeats);
        if (partnership is null || district is null || title is null || m.Failed) return null;
        if (!m.ActingFor(district.Id, district.Name, "districtId")) return null;

        m.RequireOpen(partnership, "partnershipId", "it takes no new commitments");
        m.RequireMember(partnership, district, "make commitments in it", "COMMITMENT_DISTRICT_MUST_BE_MEMBER");
        if (school is not null && school.DistrictId != district.Id)
            m.Violates("SCHOOL_MUST_BELONG_TO_DISTRICT", $"{school.Name} is not a school of {district.Name}.", "schoolId");
        else if (school?.ClosedOn is { } closed)
            m.Violates("SCHOOL_CLOSED", $"{school.Name} closed on {closed:yyyy-MM-dd}; it takes no new commitments.", "schoolId");
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

    /// <summary>The consortium's bounds on what a commitment can promise.</summary>
    private static void CheckResources<TInput>(MutationContext<TInput> m, decimal? dollars, double? staffFte, int? studentSeats)
    {
        m.Amount(dollars, "dollars");
        if (staffFte is { } fte && (fte <= 0 || fte > 1000 || double.IsNaN(fte)))
            m.Invalid("OUT_OF_RANGE", "`staffFte` must be more than 0 and at most 1000.", "staffFte");
        if (studentSeats is < 0 or > 1_000_000)
            m.Invalid("OUT_OF_RANGE", "`studentSeats` must be between 0 and 1,000,000.", "studentSeats");
    }

    /// <summary>A commitment still open to change, in a partnership still open, by a district that is still a member; the violations otherwise.</summary>
    private static async Task<Commitment?> OpenCommitmentAsync<TInput>(MutationContext<TInput> m, string commitmentId, bool dropped)
    {
        var commitment = await m.Find<Commitment>(commitmentId, "Commitment", "commitmentId",
            q => q.Include(c => c.District).Include(c => c.Partnership).ThenInclude(p => p.Members));
        if (commitment is null || m.Failed) return null;
        if (!m.ActingFor(commitment.DistrictId, commitment.District.Name, "commitmentId")) return null;
        if (dropped ? commitment.Status != CommitmentStatus.Dropped : commitment.Status is CommitmentStatus.Done or CommitmentStatus.Dropped)
            m.Violates(dropped ? "COMMITMENT_NOT_DROPPED" : "COMMITMENT_CLOSED", dropped
                ? $"The commitment is {commitment.Status.ToString().ToUpperInvariant()}; only a DROPPED commitment is reopened."
                : $"The commitment is {commitment.Status.ToString().ToUpperInvariant()}; it no longer changes (reopen a dropped one first).", "commitmentId");
        m.RequireOpen(commitment.Partnership, "commitmentId", "its commitments no longer change");
        m.RequireMember(commitment.Partnership, commitment.District, "change commitments in it", PartnershipRules.MemberRequired);
        return commitment;
    }

    private static async Task<Commitment?> UpdateAsync(MutationContext<UpdateCommitmentInput> m)
    {
        var input = m.Input;
        var title = input.Title is null ? null : m.Text(input.Title, "title", 200);
        var description = input.Description is null ? null : m.Text(input.Description, "description", 4000);
        CheckResources(m, input.Dollars, input.StaffFte, input.StudentSeats);
        var school = input.SchoolId is null ? null : await m.Find<School>(input.SchoolId, "School", "schoolId");
        var commitment = await OpenCommitmentAsync(m, input.CommitmentId, dropped: false);
        if (commitment is null || m.Failed) return null;
        if (school is not null && school.DistrictId != commitment.DistrictId)
            m.Violates("SCHOOL_MUST_BELONG_TO_DISTRICT", $"{school.Name} is not a school of {commitment.District.Name}.", "schoolId");
        if (m.Failed) return null;

        var existing = (await PluginViews.CommitmentsAsync(m.Db, [commitment.Id], m.Field.CancellationToken))[commitment.Id];
        Task<Plugins.PartnershipView>? partnershipView = null;
        var code = commitment.District.Code;
        // The commitment as it would be goes through the same plugin rules as a new one, with what is stored beside it.
        await m.CheckLocalRulesAsync(code, async plugin => new Plugins.ProposedCommitment
        {
            DistrictCode = code, Existing = existing,
            Partnership = await (partnershipView ??= m.PartnershipViewAsync(commitment.PartnershipId)),
            SchoolCode = school?.Code ?? existing.SchoolCode, Title = title ?? commitment.Title, DueOn = input.DueOn ?? commitment.DueOn,
            Dollars = input.Dollars ?? commitment.Dollars, StaffFte = input.StaffFte ?? commitment.StaffFte, StudentSeats = input.StudentSeats ?? commitment.StudentSeats,
            Local = plugin.Fields.ContainsKey(ExtensibleEntity.Commitment)
                ? (await LocalFieldStore.ReadAsync(m.Db, plugin, ExtensibleEntity.Commitment, [commitment.Id], m.Field.CancellationToken)).GetValueOrDefault(commitment.Id, Plugins.LocalValues.Empty)
                : Plugins.LocalValues.Empty,
        });
        if (m.Failed) return null;

        commitment.Title = title ?? commitment.Title;
        commitment.Description = description ?? commitment.Description;
        commitment.DueOn = input.DueOn ?? commitment.DueOn;
        commitment.Dollars = input.Dollars ?? commitment.Dollars;
        commitment.StaffFte = input.StaffFte ?? commitment.StaffFte;
        commitment.StudentSeats = input.StudentSeats ?? commitment.StudentSeats;
        commitment.SchoolId = school?.Id ?? commitment.SchoolId;
        m.Revise(commitment, input.ExpectedRevision);
        return commitment;
    }

    private static async Task<Commitment?> ReopenAsync(MutationContext<ReopenCommitmentInput> m)
    {
        var input = m.Input;
        var note = m.Text(input.Note, "note", 4000, required: false);
        if (input.Status is CommitmentStatus.Done or CommitmentStatus.Dropped)
            m.Invalid("INVALID_STATUS", "A reopened commitment is PLANNED, ON_TRACK or AT_RISK.", "status");
        var commitment = await OpenCommitmentAsync(m, input.CommitmentId, dropped: true);
        if (commitment is null || m.Failed) return null;
        await m.CheckLocalRulesAsync(commitment.District.Code, async _ => new Plugins.ProposedReopening
        {
            DistrictCode = commitment.District.Code,
            Commitment = (await PluginViews.CommitmentsAsync(m.Db, [commitment.Id], m.Field.CancellationToken))[commitment.Id],
            Status = PluginViews.Map<Plugins.CommitmentStatus>(input.Status), Note = note,
        });
        if (m.Failed) return null;

        m.Db.ProgressUpdates.Add(new ProgressUpdate { CommitmentId = commitment.Id, ReportedAt = m.Now, Status = input.Status, Note = note ?? "Reopened." });
        commitment.Status = input.Status;
        m.Revise(commitment, input.ExpectedRevision);
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
