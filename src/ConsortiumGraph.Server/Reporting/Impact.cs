using ConsortiumGraph.Access;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Data;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Reporting;

public sealed record StatusCount(CommitmentStatus Status, int Count);

public sealed record GrantTotal(string Funder, string FiscalAgent, decimal Amount);

/// <summary>
/// What a partnership (or a whole consortium) delivered over a period. Counts are kept raw
/// (on-time numerator and denominator, days to decision and decisions) so impacts add up across partnerships.
/// </summary>
public sealed record Impact(int StudentSeats, int StudentsInMemberDistricts, decimal Savings, double StaffFte, IReadOnlyList<StatusCount> CommitmentsByStatus,
    int DoneOnTime, int DoneWithDueDate, int DecisionsTaken, double DaysToDecision, IReadOnlyList<GrantTotal> Grants)
{
    public static readonly Impact None = new(0, 0, 0, 0, [], 0, 0, 0, 0, []);

    public double? OnTimeRate => DoneWithDueDate == 0 ? null : Math.Round((double)DoneOnTime / DoneWithDueDate, 3);
    public double? AverageDaysToDecision => DecisionsTaken == 0 ? null : Math.Round(DaysToDecision / DecisionsTaken, 1);

    /// <summary>A consortium's impact: its partnerships' added together (a district in two partnerships counts in both).</summary>
    public static Impact Combine(IEnumerable<Impact> impacts) => impacts.Aggregate(None, (a, b) => new(
        a.StudentSeats + b.StudentSeats, a.StudentsInMemberDistricts + b.StudentsInMemberDistricts, a.Savings + b.Savings, a.StaffFte + b.StaffFte,
        [.. a.CommitmentsByStatus.Concat(b.CommitmentsByStatus).GroupBy(s => s.Status).Select(g => new StatusCount(g.Key, g.Sum(s => s.Count))).OrderBy(s => s.Status)],
        a.DoneOnTime + b.DoneOnTime, a.DoneWithDueDate + b.DoneWithDueDate, a.DecisionsTaken + b.DecisionsTaken, a.DaysToDecision + b.DaysToDecision,
        [.. a.Grants.Concat(b.Grants).GroupBy(g => (g.Funder, g.FiscalAgent)).Select(g => new GrantTotal(g.Key.Funder, g.Key.FiscalAgent, g.Sum(x => x.Amount)))
            .OrderBy(g => g.Funder, StringComparer.Ordinal).ThenBy(g => g.FiscalAgent, StringComparer.Ordinal)]));
}

/// <summary>The parts of an impact, each read by its own statement; a request reads only the parts it selects.</summary>
[Flags]
public enum ImpactParts
{
    None = 0,
    /// <summary>commitmentsByStatus, studentSeats, staffFte: one GROUP BY of commitments.</summary>
    Commitments = 1,
    /// <summary>onTimeRate: done commitments with the day they were reported done.</summary>
    OnTime = 2,
    /// <summary>studentsInMemberDistricts.</summary>
    Students = 4,
    /// <summary>savings, from purchase lines.</summary>
    Savings = 8,
    /// <summary>decisionsTaken, averageDaysToDecision.</summary>
    Decisions = 16,
    /// <summary>grants.</summary>
    Grants = 32,
    All = Commitments | OnTime | Students | Savings | Decisions | Grants,
}

public static class Impacts
{
    private static readonly Dictionary<string, ImpactParts> PartOfField = new()
    {
        ["commitmentsByStatus"] = ImpactParts.Commitments, ["studentSeats"] = ImpactParts.Commitments, ["staffFte"] = ImpactParts.Commitments,
        ["onTimeRate"] = ImpactParts.OnTime, ["studentsInMemberDistricts"] = ImpactParts.Students, ["savings"] = ImpactParts.Savings,
        ["decisionsTaken"] = ImpactParts.Decisions, ["averageDaysToDecision"] = ImpactParts.Decisions, ["grants"] = ImpactParts.Grants,
    };

    /// <summary>The parts the impact field's selection needs (fragments included).</summary>
    public static ImpactParts SelectedParts(IResolveFieldContext context) =>
        context.SubFields?.Keys.Aggregate(ImpactParts.None, (parts, field) => parts | PartOfField.GetValueOrDefault(field)) ?? ImpactParts.All;

    /// <summary>
    /// The impact of every partnership in <paramref name="ids"/> over [from, to], in six statements whatever
    /// the number of partnerships or districts: each metric is one GROUP BY partnership. Only the
    /// <paramref name="parts"/> asked for are read; the others stay empty.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, Impact>> ComputeAsync(ConsortiumDb db, IReadOnlyCollection<int> ids, DateOnly? from, DateOnly? to, CancellationToken ct,
        ImpactParts parts = ImpactParts.All)
    {
        var fromTime = from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toTime = to?.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var commitments = db.Commitments.Where(c => ids.Contains(c.PartnershipId) && (c.DueOn == null || ((from == null || c.DueOn >= from) && (to == null || c.DueOn <= to))));

        var byStatus = !parts.HasFlag(ImpactParts.Commitments) ? [] : await commitments.GroupBy(c => new { c.PartnershipId, c.Status, c.Partnership.Kind })
            .Select(g => new { g.Key.PartnershipId, g.Key.Status, g.Key.Kind, Count = g.Count(), Seats = g.Sum(c => c.StudentSeats ?? 0), Fte = g.Sum(c => c.StaffFte ?? 0) })
            .ToListAsync(ct);
        var done = !parts.HasFlag(ImpactParts.OnTime) ? [] : await commitments.Where(c => c.Status == CommitmentStatus.Done && c.DueOn != null)
            .Select(c => new { c.PartnershipId, c.DueOn, DoneAt = c.Progress.Where(p => p.Status == CommitmentStatus.Done).Min(p => (DateTime?)p.ReportedAt) })
            .ToListAsync(ct);
        var students = !parts.HasFlag(ImpactParts.Students) ? [] : await db.PartnershipMembers.Where(m => ids.Contains(m.PartnershipId)).GroupBy(m => m.PartnershipId)
            .Select(g => new { PartnershipId = g.Key, Students = g.Sum(m => m.District.Enrollment) }).ToListAsync(ct);
        var savings = !parts.HasFlag(ImpactParts.Savings) ? [] : await db.PurchaseLines.Where(p => ids.Contains(p.PartnershipId) && (from == null || p.PurchasedOn >= from) && (to == null || p.PurchasedOn <= to))
            .GroupBy(p => p.PartnershipId).Select(g => new { PartnershipId = g.Key, Saved = g.Sum(p => (p.StandaloneUnitPrice - p.ConsortiumUnitPrice) * p.Quantity) }).ToListAsync(ct);
        var decisions = !parts.HasFlag(ImpactParts.Decisions) ? [] : await db.Decisions.Where(d => ids.Contains(d.PartnershipId) && d.ClosedAt != null
                && (d.Status == DecisionStatus.Adopted || d.Status == DecisionStatus.Rejected)
                && (fromTime == null || d.ProposedAt >= fromTime) && (toTime == null || d.ProposedAt <= toTime))
            .Select(d => new { d.PartnershipId, d.ProposedAt, d.ClosedAt }).ToListAsync(ct);
        var grants = !parts.HasFlag(ImpactParts.Grants) ? [] : await db.Grants.Where(g => ids.Contains(g.PartnershipId) && (to == null || g.StartsOn <= to) && (from == null || g.EndsOn >= from))
            .GroupBy(g => new { g.PartnershipId, Funder = g.Funder.Name, FiscalAgent = g.FiscalAgent.Name })
            .Select(g => new { g.Key.PartnershipId, g.Key.Funder, g.Key.FiscalAgent, Amount = g.Sum(x => x.Amount) }).ToListAsync(ct);

        return ids.ToDictionary(id => id, id =>
        {
            var statuses = byStatus.Where(s => s.PartnershipId == id).ToList();
            var finished = done.Where(d => d.PartnershipId == id && d.DoneAt is not null).ToList();
            var decided = decisions.Where(d => d.PartnershipId == id).ToList();
            return new Impact(
                StudentSeats: statuses.Where(s => s.Kind == PartnershipKind.SharedCourse && s.Status != CommitmentStatus.Dropped).Sum(s => s.Seats),
                StudentsInMemberDistricts: students.FirstOrDefault(s => s.PartnershipId == id)?.Students ?? 0,
                Savings: savings.FirstOrDefault(s => s.PartnershipId == id)?.Saved ?? 0,
                StaffFte: Math.Round(statuses.Where(s => s.Status != CommitmentStatus.Dropped).Sum(s => s.Fte), 2),
                CommitmentsByStatus: [.. statuses.GroupBy(s => s.Status).Select(g => new StatusCount(g.Key, g.Sum(s => s.Count))).OrderBy(s => s.Status)],
                DoneOnTime: finished.Count(d => DateOnly.FromDateTime(d.DoneAt!.Value) <= d.DueOn),
                DoneWithDueDate: finished.Count,
                DecisionsTaken: decided.Count,
                DaysToDecision: decided.Sum(d => (d.ClosedAt!.Value - d.ProposedAt).TotalDays),
                Grants: [.. grants.Where(g => g.PartnershipId == id).Select(g => new GrantTotal(g.Funder, g.FiscalAgent, g.Amount))
                    .OrderBy(g => g.Funder, StringComparer.Ordinal).ThenBy(g => g.FiscalAgent, StringComparer.Ordinal)]);
        });
    }

    /// <summary>ImpactByPartnershipId: every partnership of a list in one batch.</summary>
    public static IDataLoaderResult<Impact> ImpactOf(this IResolveFieldContext context, int partnershipId, DateOnly? from, DateOnly? to)
    {
        var loaders = context.Loaders();
        var parts = SelectedParts(context);
        return loaders.For<int, Impact>($"ImpactByPartnershipId:{from}:{to}:{parts}",
            (ids, ct) => loaders.ReadAsync(db => ComputeAsync(db, ids, from, to, ct, parts), ct), Impact.None).Load(partnershipId);
    }

    public static FieldBuilder<TSource, object> ImpactArguments<TSource>(this FieldBuilder<TSource, object> field) => field
        .Argument<DateType>("from", "Only work due, decided, bought or funded from this day; all when omitted.")
        .Argument<DateType>("to", "Only up to this day; all when omitted.");
}

public sealed class StatusCountType : ObjectGraphType<StatusCount>
{
    public StatusCountType()
    {
        Name = "CommitmentStatusCount";
        Description = "How many commitments have one status.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(s => s.Status).Description("The status.");
        Field(s => s.Count).Description("How many commitments have it.");
    }
}

public sealed class GrantTotalType : ObjectGraphType<GrantTotal>
{
    public GrantTotalType()
    {
        Name = "GrantTotal";
        Description = "Grant money from one funder through one fiscal agent.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(g => g.Funder).Description("The funder's name.");
        Field(g => g.FiscalAgent).Description("The fiscal agent district's name.");
        Field(g => g.Amount).Description("Total awarded, in dollars.");
    }
}

public sealed class ImpactType : ObjectGraphType<Impact>
{
    public ImpactType()
    {
        Name = "Impact";
        Description = "What collaboration delivered over a period: students served, money saved, staff shared, commitments kept, decisions taken, grants.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(i => i.StudentSeats).Description("Seats in shared courses committed (dropped commitments excluded).");
        Field(i => i.StudentsInMemberDistricts).Description("Students enrolled in the member districts.");
        Field(i => i.Savings).Description("Joint purchasing savings in dollars: (standalone price - consortium price) x quantity, over purchases in the period.");
        Field(i => i.StaffFte).Description("Staff time shared, in FTE, over commitments not dropped.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusCountType>>>>("commitmentsByStatus").Description("Commitments by status.").Resolve(c => c.Source.CommitmentsByStatus);
        Field(i => i.OnTimeRate, nullable: true).Description("Share (0-1) of commitments done with a due date that were done by it; null when none is done.");
        Field(i => i.DecisionsTaken).Description("Decisions adopted or rejected.");
        Field(i => i.AverageDaysToDecision, nullable: true).Description("Average days from proposal to outcome of the decisions taken.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantTotalType>>>>("grants").Description("Grant amounts by funder and fiscal agent.").Resolve(c => c.Source.Grants);
    }
}
