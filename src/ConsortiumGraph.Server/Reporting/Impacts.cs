using System.Runtime.CompilerServices;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Data;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Purchasing;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Reporting;

public static class Impacts
{
    private static readonly Dictionary<string, ImpactParts> PartOfField = new()
    {
        ["commitmentsByStatus"] = ImpactParts.Commitments, ["studentSeats"] = ImpactParts.Commitments, ["staffFte"] = ImpactParts.Commitments,
        ["onTimeRate"] = ImpactParts.OnTime, ["studentsInMemberDistricts"] = ImpactParts.Students, ["savings"] = ImpactParts.Savings, ["savingsByMember"] = ImpactParts.Savings,
        ["decisionsTaken"] = ImpactParts.Decisions, ["averageDaysToDecision"] = ImpactParts.Decisions, ["grants"] = ImpactParts.Grants,
    };

    /// <summary>The parts an impact selection needs: the current field's, or that of the field at <paramref name="path"/> below it.</summary>
    public static ImpactParts SelectedParts(IResolveFieldContext context, params string[] path)
    {
        if (path.Length > 0) return PartsBelow(context.FieldAst, context.Document, path);
        if (PartsOf.TryGetValue(context.FieldAst, out var known)) return known.Value;
        var parts = PartsBelow(context.FieldAst, context.Document, path);
        PartsOf.AddOrUpdate(context.FieldAst, new StrongBox<ImpactParts>(parts));
        return parts;
    }

    // By field occurrence: every partnership of a page asks for its impact's parts, and the selection (directives
    // aside, which Selections ignores) is the same for each, and for every execution of a cached document.
    private static readonly ConditionalWeakTable<GraphQLParser.AST.GraphQLField, StrongBox<ImpactParts>> PartsOf = new();

    private static ImpactParts PartsBelow(GraphQLParser.AST.GraphQLField field, GraphQLParser.AST.GraphQLDocument document, string[] path) =>
        Selections.Below(field, document, path).Aggregate(ImpactParts.None, (parts, name) => parts | PartOfField.GetValueOrDefault(name));

    /// <summary>
    /// The impact of every partnership in <paramref name="ids"/> over [from, to]: see the overload on scopes.
    /// </summary>
    public static Task<IReadOnlyDictionary<int, Impact>> ComputeAsync(ConsortiumDb db, IReadOnlyCollection<int> ids, DateOnly? from, DateOnly? to, CancellationToken ct,
        ImpactParts parts = ImpactParts.All) =>
        // The scope rows only carry keys and dates; what the caller may see is filtered on the rows each part reads.
        ComputeAsync(db, db.Partnerships.IgnoreQueryFilters().Where(p => ids.Contains(p.Id))
            .Select(p => new ImpactScope { Key = p.Id, PartnershipId = p.Id, From = from, To = to }), ids, ct, parts);

    /// <summary>
    /// The impact of each scope (a partnership over a period: a grant's, say), in one statement per part
    /// whatever the number of scopes, partnerships or districts: each part is one GROUP BY or one join.
    /// Only the <paramref name="parts"/> asked for are read; the others stay empty. The result has an
    /// impact for each of <paramref name="keys"/> (the scopes' keys), empty where nothing was read.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, Impact>> ComputeAsync(ConsortiumDb db, IQueryable<ImpactScope> scopes, IReadOnlyCollection<int> keys,
        CancellationToken ct, ImpactParts parts = ImpactParts.All)
    {
        var commitments =
            from s in scopes
            join c in db.Commitments on s.PartnershipId equals c.PartnershipId
            where c.DueOn == null || ((s.From == null || c.DueOn >= s.From) && (s.To == null || c.DueOn <= s.To))
            select new { s.Key, Commitment = c };

        var byStatus = !parts.HasFlag(ImpactParts.Commitments) ? [] : await commitments.GroupBy(x => new { x.Key, x.Commitment.Status })
            .Select(g => new { g.Key.Key, g.Key.Status, Count = g.Count(), Seats = g.Sum(x => x.Commitment.StudentSeats ?? 0), Fte = g.Sum(x => x.Commitment.StaffFte ?? 0) })
            .ToListAsync(ct);
        var done = !parts.HasFlag(ImpactParts.OnTime) ? [] : await commitments.Where(x => x.Commitment.Status == CommitmentStatus.Done && x.Commitment.DueOn != null)
            .Select(x => new { x.Key, x.Commitment.DueOn, DoneAt = x.Commitment.Progress.Where(p => p.Status == CommitmentStatus.Done).Min(p => (DateTime?)p.ReportedAt) })
            .ToListAsync(ct);
        var students = !parts.HasFlag(ImpactParts.Students) ? [] : await (
                from s in scopes join m in db.PartnershipMembers on s.PartnershipId equals m.PartnershipId
                group m.District.Enrollment by s.Key into g
                select new { Key = g.Key, Students = g.Sum() }).ToListAsync(ct);
        // Every member's lines count in the scope's savings: the scopes are partnerships the caller may read, and a member's
        // purchases are hidden from other members' staff only line by line (savingsByMember hides their rows).
        var savings = !parts.HasFlag(ImpactParts.Savings) ? Enumerable.Empty<MemberSavings>().ToLookup(_ => 0) : await PurchaseSavings.ByMemberAsync(
                from s in scopes join p in db.PurchaseLines.IgnoreQueryFilters() on s.PartnershipId equals p.PartnershipId
                where (s.From == null || p.PurchasedOn >= s.From) && (s.To == null || p.PurchasedOn <= s.To)
                select new KeyedPurchase { Key = s.Key, Line = p }, ct);
        // Decided in the period by the day proposed; the few decisions taken are filtered by date here, not in SQL.
        var decisions = !parts.HasFlag(ImpactParts.Decisions) ? [] : (await (
                from s in scopes join d in db.Decisions on s.PartnershipId equals d.PartnershipId
                where d.ClosedAt != null && (d.Status == DecisionStatus.Adopted || d.Status == DecisionStatus.Rejected)
                select new { s.Key, s.From, s.To, d.ProposedAt, d.ClosedAt }).ToListAsync(ct))
            .Where(d => (d.From is null || DateOnly.FromDateTime(d.ProposedAt) >= d.From) && (d.To is null || DateOnly.FromDateTime(d.ProposedAt) <= d.To)).ToList();
        var grants = !parts.HasFlag(ImpactParts.Grants) ? [] : await (
                from s in scopes join g in db.Grants on s.PartnershipId equals g.PartnershipId
                where (s.To == null || g.StartsOn <= s.To) && (s.From == null || g.EndsOn >= s.From)
                group g by new { s.Key, Funder = g.Funder.Name, FiscalAgent = g.FiscalAgent.Name } into g
                select new { g.Key.Key, g.Key.Funder, g.Key.FiscalAgent, Amount = g.Sum(x => x.Amount) }).ToListAsync(ct);

        // Each part's rows by scope once, not searched again for every scope.
        var statusesOf = byStatus.ToLookup(s => s.Key);
        var finishedOf = done.Where(d => d.DoneAt is not null).ToLookup(d => d.Key);
        var decidedOf = decisions.ToLookup(d => d.Key);
        var studentsOf = students.ToDictionary(s => s.Key, s => s.Students);
        var grantsOf = grants.ToLookup(g => g.Key);
        return keys.Distinct().ToDictionary(key => key, key =>
        {
            // One row per status: the GROUP BY is by scope and status.
            var statuses = statusesOf[key].Where(s => s.Status != CommitmentStatus.Dropped);
            var finished = finishedOf[key];
            var decided = decidedOf[key];
            return new Impact(
                StudentSeats: statuses.Sum(s => s.Seats),
                StudentsInMemberDistricts: studentsOf.GetValueOrDefault(key),
                Savings: savings[key].Sum(m => m.Saved),
                StaffFte: Math.Round(statuses.Sum(s => s.Fte), 2),
                CommitmentsByStatus: [.. statusesOf[key].OrderBy(s => s.Status).Select(s => new StatusCount(s.Status, s.Count))],
                DoneOnTime: finished.Count(d => DateOnly.FromDateTime(d.DoneAt!.Value) <= d.DueOn),
                DoneWithDueDate: finished.Count(),
                DecisionsTaken: decided.Count(),
                DaysToDecision: decided.Sum(d => (d.ClosedAt!.Value - d.ProposedAt).TotalDays),
                Grants: grantsOf.Contains(key) ? [.. grantsOf[key].Select(g => new GrantTotal(g.Funder, g.FiscalAgent, g.Amount))
                    .OrderBy(g => g.Funder, StringComparer.Ordinal).ThenBy(g => g.FiscalAgent, StringComparer.Ordinal)] : [],
                // Every member counts in `savings`; a member's own row is its staff's (and admins', funders').
                SavingsByMember: savings.Contains(key) ? [.. savings[key].Where(m => db.SeesBusinessOf(m.DistrictId)).GroupBy(m => m.DistrictId)
                    .Select(g => new MemberSavings(g.Key, g.Sum(m => m.Units), g.Sum(m => m.Paid), g.Sum(m => m.Standalone)))] : []);
        });
    }

    /// <summary>ImpactByPartnershipId: every partnership of a list in one batch.</summary>
    public static IDataLoaderResult<Impact> ImpactOf(this IResolveFieldContext context, int partnershipId, DateOnly? from, DateOnly? to)
    {
        var loaders = context.Loaders();
        var parts = SelectedParts(context);
        return loaders.For<int, Impact>((nameof(ImpactOf), from, to, parts),
            (ids, ct) => loaders.ReadAsync(db => ComputeAsync(db, ids, from, to, ct, parts), ct), Impact.None).Load(partnershipId);
    }

    public static FieldBuilder<TSource, object> ImpactArguments<TSource>(this FieldBuilder<TSource, object> field) => field
        .Argument<DateType>("from", "Only work due, decided, bought or funded from this day; all when omitted.")
        .Argument<DateType>("to", "Only up to this day; all when omitted.");
}
