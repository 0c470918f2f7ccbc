using System.Text.Json;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Access;

/// <summary>One row changed by one mutation: who, what (fields before and after), when, and through which operation.</summary>
public sealed class AuditEntry : Entity
{
    public DateTime At { get; set; }
    public required string Subject { get; set; }
    public required string Role { get; set; }
    /// <summary>The caller's district codes, space-separated (district staff).</summary>
    public string? Districts { get; set; }
    /// <summary>The mutation field, e.g. castVote; with the operation's name when it has one (castVote in VoteOnBudget).</summary>
    public required string Operation { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    /// <summary>Added, Modified or Deleted.</summary>
    public required string Action { get; set; }
    /// <summary>JSON: field name to [before, after].</summary>
    public required string Changes { get; set; }
    /// <summary>The consortium the change belongs to, which decides which admins read it.</summary>
    public int? ConsortiumId { get; set; }
    /// <summary>For changes to a district's own records (its local fields, its schools): the district, whose consortia's admins read it.</summary>
    public int? DistrictId { get; set; }

    /// <summary>
    /// What a mutation is about to save, one entry per changed row. Added rows get their keys at save;
    /// <see cref="Complete"/> fills them in afterwards.
    /// </summary>
    public static List<(AuditEntry Entry, EntityEntry Source)> Capture(ConsortiumDb db, Caller caller, string operation, DateTime now) =>
        [.. db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
            .Select(e => (new AuditEntry
            {
                At = now, Subject = caller.Subject, Role = caller.Role ?? "none", Districts = caller.DistrictCodes.Count == 0 ? null : string.Join(' ', caller.DistrictCodes),
                Operation = operation, EntityType = e.Metadata.ClrType.Name, Action = e.State.ToString(), Changes = "",
            }, e))];

    /// <summary>
    /// Saves what <paramref name="db"/> tracks and its audit trail together, in one committed transaction, or nothing:
    /// the rows, then the <paramref name="afterSave"/> steps (which need the new rows' keys) and what they add, then an
    /// entry per changed row in the scope <paramref name="scopeOf"/> gives. The one way a change is saved, by every mutation and command.
    /// </summary>
    public static async Task<List<(AuditEntry Entry, EntityEntry Source)>> SaveAuditedAsync(ConsortiumDb db, Caller caller, string operation, DateTime now,
        IReadOnlyList<Func<Task>> afterSave, Func<Task<Func<object, (int? Consortium, int? District)>>> scopeOf, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var audited = await SaveWithTrailAsync(db, caller, operation, now, afterSave, scopeOf, ct);
        await transaction.CommitAsync(ct);
        return audited;
    }

    /// <summary>
    /// The same inside a transaction the caller owns: a bulk change (a directory import) saves batch by batch
    /// this way, and commits or rolls back once.
    /// </summary>
    public static async Task<List<(AuditEntry Entry, EntityEntry Source)>> SaveWithTrailAsync(ConsortiumDb db, Caller caller, string operation, DateTime now,
        IReadOnlyList<Func<Task>> afterSave, Func<Task<Func<object, (int? Consortium, int? District)>>> scopeOf, CancellationToken ct)
    {
        var audited = Capture(db, caller, operation, now);
        var changes = audited.ToDictionary(a => a.Source, a => Changed(a.Source));
        await db.SaveChangesAsync(ct);
        foreach (var step in afterSave) await step();
        var later = Capture(db, caller, operation, now); // rows the after-save steps added
        foreach (var (_, source) in later) changes[source] = Changed(source);
        audited.AddRange(later);
        await db.SaveChangesAsync(ct);
        Complete(audited, changes, await scopeOf());
        db.AuditEntries.AddRange(audited.Select(a => a.Entry));
        await db.SaveChangesAsync(ct);
        return audited;
    }

    /// <summary>Records keys and values once the rows are saved (an added row's key exists only then).</summary>
    public static void Complete(List<(AuditEntry Entry, EntityEntry Source)> captured, IReadOnlyDictionary<EntityEntry, Dictionary<string, object?[]>> changes,
        Func<object, (int? Consortium, int? District)> scopeOf)
    {
        foreach (var (entry, source) in captured)
        {
            entry.EntityId = source.Entity is Entity entity ? entity.Id : 0;
            entry.Changes = JsonSerializer.Serialize(changes[source]);
            (entry.ConsortiumId, entry.DistrictId) = scopeOf(source.Entity);
        }
    }

    /// <summary>Field values before and after, read before the save (after it, originals are reset). Secrets' hashes stay out of the trail.</summary>
    public static Dictionary<string, object?[]> Changed(EntityEntry entry) =>
        entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && (entry.State != EntityState.Modified || p.IsModified) && p.Metadata.Name != nameof(ApiKey.SecretHash))
            .ToDictionary(p => p.Metadata.Name, p => entry.State switch
            {
                EntityState.Added => new[] { null, Readable(p.CurrentValue) },
                EntityState.Deleted => [Readable(p.OriginalValue), null],
                _ => [Readable(p.OriginalValue), Readable(p.CurrentValue)],
            });

    // Enum values by name: the trail is read by people, and stays meaningful if an enum is reordered.
    private static object? Readable(object? value) => value is Enum e ? e.ToString() : value;
}

/// <summary>
/// Which consortium a mutation's change belongs to, from the object it returns; or, for a district's
/// own records that belong to no one consortium (the district, its schools), the district. A change
/// inside a consortium is recorded under that consortium only, never under the acting district, which
/// may be a member of other consortia whose admins must not read it.
/// </summary>
public static class AuditScope
{
    /// <summary>The scope of each row a mutation saved, given the object it returns.</summary>
    public static async Task<Func<object, (int? Consortium, int? District)>> OfAsync(ConsortiumDb db, object? changed)
    {
        async Task<int?> ConsortiumOf(int partnershipId) =>
            await db.Partnerships.IgnoreQueryFilters().Where(p => p.Id == partnershipId).Select(p => (int?)p.ConsortiumId).FirstOrDefaultAsync();
        async Task<int?> ConsortiumOfGrant(int grantId) =>
            await db.Grants.IgnoreQueryFilters().Where(g => g.Id == grantId).Select(g => (int?)g.Partnership.ConsortiumId).FirstOrDefaultAsync();
        async Task<int?> ConsortiumOfIndicator(int indicatorId) =>
            await db.Indicators.IgnoreQueryFilters().Where(i => i.Id == indicatorId).Select(i => (int?)i.ConsortiumId).FirstOrDefaultAsync();
        async Task<int?> ConsortiumOfLeague(int leagueId) =>
            await db.Leagues.IgnoreQueryFilters().Where(l => l.Id == leagueId).Select(l => (int?)l.ConsortiumId).FirstOrDefaultAsync();
        async Task<(int?, int?)> ScopeOfMembership(int membershipId) =>
            await db.LeagueMemberships.IgnoreQueryFilters().Where(m => m.Id == membershipId).Select(m => new ValueTuple<int?, int?>(m.League.ConsortiumId, m.DistrictId)).FirstAsync();
        if (changed is List<CostSharing.InterDistrictInvoice> { Count: > 0 } invoices)
        {
            var consortium = await ConsortiumOf(invoices[0].PartnershipId);
            return _ => (consortium, null);
        }
        if (changed is List<Decisions.Decision> decisions)
        {
            // The deadline sweep expires decisions of many partnerships at once: each row is in its partnership's consortium.
            var partnerships = decisions.Select(d => d.PartnershipId).Distinct().ToList();
            var consortia = await db.Partnerships.IgnoreQueryFilters().Where(p => partnerships.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ConsortiumId);
            return row => row is Decisions.Decision d ? (consortia[d.PartnershipId], null)
                : throw new InvalidOperationException($"No audit scope for a {row.GetType().Name} saved with expired decisions.");
        }
        if (changed is List<Indicators.IndicatorValue> values)
        {
            // One report can hold values of indicators of several consortia (a district in two): each row is in its own.
            var indicators = values.Select(v => v.IndicatorId).Distinct().ToList();
            var consortia = await db.Indicators.IgnoreQueryFilters().Where(i => indicators.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.ConsortiumId);
            return row => row switch
            {
                Indicators.IndicatorValue v => (consortia[v.IndicatorId], v.DistrictId),
                Indicators.IndicatorValueRevision r => (consortia[r.IndicatorValue.IndicatorId], r.IndicatorValue.DistrictId),
                _ => throw new InvalidOperationException($"No audit scope for a {row.GetType().Name} saved by an indicator report."),
            };
        }
        (int?, int?) scope = changed switch
        {
            Consortia.Consortium c => (c.Id, null),
            Partnerships.Partnership p => (p.ConsortiumId, null),
            Agreements.Agreement a => (await ConsortiumOf(a.PartnershipId), null),
            Decisions.Decision d => (await ConsortiumOf(d.PartnershipId), null),
            Commitments.Commitment c => (await ConsortiumOf(c.PartnershipId), c.DistrictId),
            Districts.District d => (null, d.Id),
            Schools.School s => (null, s.DistrictId),
            // A district's calendar is its own record, as its directory entry is.
            Calendars.CalendarPublication p => (null, p.DistrictId),
            Indicators.Indicator i => (i.ConsortiumId, null),
            // A funder is the installation's, like a district's directory entry, and in no one consortium's trail.
            Grants.Funder => (null, null),
            Grants.Grant g => (await ConsortiumOf(g.PartnershipId), null),
            Grants.Drawdown d => (await ConsortiumOfGrant(d.GrantId), null),
            Grants.Expenditure e => (await ConsortiumOfGrant(e.GrantId), e.DistrictId),
            Grants.GrantReport r => (await ConsortiumOfGrant(r.GrantId), null),
            Purchasing.Vendor v => (v.ConsortiumId, null),
            Leagues.League l => (l.ConsortiumId, null),
            Leagues.ImprovementFramework f => (await ConsortiumOfLeague(f.LeagueId), null),
            // A school's League record is its League's consortium's, and its district's own.
            Leagues.LeagueMembership m => (await ConsortiumOfLeague(m.LeagueId), m.DistrictId),
            Leagues.SelfAssessment a => await ScopeOfMembership(a.MembershipId),
            Leagues.Educator e => (await ConsortiumOfLeague(e.LeagueId), e.DistrictId),
            Leagues.PeerVisit v => await ScopeOfMembership(v.HostMembershipId),
            // Feedback is the host school's to hear: in its trail.
            Leagues.VisitFeedback f => await ScopeOfMembership(await db.PeerVisits.IgnoreQueryFilters().Where(v => v.Id == f.VisitId).Select(v => v.HostMembershipId).FirstAsync()),
            Leagues.SharedPractice p => await ScopeOfMembership(p.MembershipId),
            Leagues.ImprovementCommitment c => await ScopeOfMembership(c.MembershipId),
            Leagues.Convening c => (await ConsortiumOfLeague(c.LeagueId), null),
            // A team's registration (a district plugin's fields on it) is its school's record.
            Leagues.ConveningRegistration r => await ScopeOfMembership(r.MembershipId),
            Leagues.LearningGroup g => (await ConsortiumOfLeague(g.LeagueId), null),
            Policy.PolicyItem p => (p.ConsortiumId, null),
            CostSharing.SharedPosition p => (await ConsortiumOf(p.PartnershipId), null),
            CostSharing.InterDistrictInvoice i => (await ConsortiumOf(i.PartnershipId), null),
            Purchasing.PurchasingRound r => (await ConsortiumOf(r.PartnershipId), null),
            Purchasing.Contract c => (await db.PurchasingRounds.IgnoreQueryFilters().Where(r => r.Id == c.RoundId).Select(r => (int?)r.Partnership.ConsortiumId).FirstOrDefaultAsync(), null),
            Purchasing.PurchaseLine l => (await ConsortiumOf(l.PartnershipId), l.DistrictId),
            Indicators.DataSharingConsent consent => (await ConsortiumOfIndicator(consent.IndicatorId), consent.DistrictId),
            // A key over several consortia is in no single consortium's trail (admins of all of them see the key itself).
            ApiKey key => (await db.ApiKeyConsortia.Where(c => c.ApiKeyId == key.Id).Select(c => c.ConsortiumId).ToListAsync() is [var only] ? only : null, null),
            // A plugin speaks for its districts: its approval is those districts' own record, read by the admins of any of their consortia.
            PluginHost.PluginApproval approval => (null, await db.Districts.IgnoreQueryFilters().Where(d => approval.DistrictCodes.Contains(d.Code))
                .OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync()),
            _ => throw new InvalidOperationException($"No audit scope for {changed?.GetType().Name ?? "null"}: say which consortium or district the change belongs to."),
        };
        return _ => scope;
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> a)
    {
        a.Property(x => x.Subject).HasMaxLength(200);
        a.Property(x => x.Role).HasMaxLength(32);
        a.Property(x => x.Districts).HasMaxLength(400);
        a.Property(x => x.Operation).HasMaxLength(200);
        a.Property(x => x.EntityType).HasMaxLength(64);
        a.Property(x => x.Action).HasMaxLength(16);
        a.HasIndex(x => new { x.ConsortiumId, x.At });
        a.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}
