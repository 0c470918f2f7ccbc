using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// 50 writers at once on one row, on SQLite and PostgreSQL: what is stored is exactly what was
/// acknowledged, and every writer that lost was told so with a typed error, never silently overwritten.
/// </summary>
public abstract class ConcurrentWriterTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private const int Writers = 50;
    // The sample plugins' districts have rules of their own on votes and commitments; these tests are about races.
    private static readonly string[] PluginDistricts = ["5000310", "5000420"];

    /// <summary>Runs the writers together and returns each one's payload.</summary>
    private async Task<JsonElement[]> BurstAsync(string mutation, string inputType, Func<int, object> input)
    {
        var token = await server.TokenAsync();
        var query = $"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ errors {{ __typename code }} }} }}";
        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, Writers).Select(async i =>
        {
            await start.WaitAsync();
            return (await server.QueryAsync(query, new { input = input(i) }, token)).GetProperty(mutation);
        }).ToList();
        start.Release(Writers);
        return await Task.WhenAll(writers);
    }

    private static bool Acknowledged(JsonElement payload) => payload.GetProperty("errors").GetArrayLength() == 0;

    private static void AssertLosersWereTold(IEnumerable<JsonElement> payloads, params string[] codes) =>
        Assert.All(payloads.Where(p => !Acknowledged(p)), p => Assert.Contains(p.GetProperty("errors")[0].GetProperty("code").GetString(), codes));

    [DatabaseFact]
    public async Task Progress_reports_on_one_commitment_serialize_and_none_is_stored_after_done()
    {
        int commitment, revision;
        await using (var db = server.OpenDatabase())
        {
            var open = await db.Commitments.Where(c => c.Status == Commitments.CommitmentStatus.OnTrack || c.Status == Commitments.CommitmentStatus.Planned)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.Revision }).FirstAsync();
            (commitment, revision) = (open.Id, open.Revision);
        }
        var run = Guid.NewGuid().ToString("N");
        var payloads = await BurstAsync("reportProgress", "ReportProgressInput", i => new
        {
            commitmentId = GlobalId.Encode("Commitment", commitment),
            status = i == Writers / 2 ? "DONE" : i % 2 == 0 ? "ON_TRACK" : "AT_RISK",
            note = $"{run} {i}",
        });
        AssertLosersWereTold(payloads, "CONFLICT", "COMMITMENT_CLOSED");

        await using var check = server.OpenDatabase();
        var stored = await check.ProgressUpdates.Where(p => p.CommitmentId == commitment && p.Note!.StartsWith(run)).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(payloads.Count(Acknowledged), stored.Count);
        Assert.NotEmpty(stored);
        var done = stored.FindIndex(p => p.Status == Commitments.CommitmentStatus.Done);
        Assert.True(done == -1 || done == stored.Count - 1, $"{stored.Count - done - 1} reports were stored after DONE");
        var saved = await check.Commitments.SingleAsync(c => c.Id == commitment);
        Assert.Equal(stored[^1].Status, saved.Status);
        Assert.Equal(revision + stored.Count, saved.Revision);
    }

    [DatabaseFact]
    public async Task A_progress_report_against_a_revision_that_changed_since_is_refused()
    {
        int commitment, revision;
        await using (var db = server.OpenDatabase())
        {
            var open = await db.Commitments.Where(c => c.Status == Commitments.CommitmentStatus.OnTrack || c.Status == Commitments.CommitmentStatus.AtRisk)
                .OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Revision }).FirstAsync();
            (commitment, revision) = (open.Id, open.Revision);
        }
        var query = $"mutation($input: ReportProgressInput!) {{ reportProgress(input: $input) {{ commitment {{ revision }} {Errors} }} }}";
        var id = GlobalId.Encode("Commitment", commitment);
        var saved = (await server.QueryAsync(query, new { input = new { commitmentId = id, status = "ON_TRACK", expectedRevision = revision } })).GetProperty("reportProgress");
        AssertOk(saved);
        Assert.Equal(revision + 1, saved.GetProperty("commitment").GetProperty("revision").GetInt32());
        // A client that read the commitment before that report:
        AssertError((await server.QueryAsync(query, new { input = new { commitmentId = id, status = "AT_RISK", expectedRevision = revision } })).GetProperty("reportProgress"),
            "ConflictError", "CONFLICT");
        await using var check = server.OpenDatabase();
        Assert.Equal(revision + 1, await check.Commitments.Where(c => c.Id == commitment).Select(c => c.Revision).SingleAsync());
    }

    [DatabaseFact]
    public async Task Concurrent_re_reports_of_one_indicator_value_keep_every_replaced_value_in_its_history()
    {
        Indicators.IndicatorValue value;
        string district, indicator;
        await using (var db = server.OpenDatabase())
        {
            value = await db.IndicatorValues.Include(v => v.Revisions).Include(v => v.Indicator).Include(v => v.District)
                .Where(v => v.Indicator.Unit != "percent").OrderBy(v => v.Id).FirstAsync();
            (district, indicator) = (GlobalId.Encode("District", value.DistrictId), value.Indicator.Code);
        }
        var payloads = await BurstAsync("reportIndicatorValues", "ReportIndicatorValuesInput", i => new
        {
            districtId = district, period = value.Period,
            values = new[] { new { indicator, value = 10_000.0 + i, studentCount = 100 + i } },
        });
        AssertLosersWereTold(payloads, "CONFLICT");
        var acknowledged = payloads.Select((p, i) => (p, i)).Where(x => Acknowledged(x.p)).Select(x => 10_000.0 + x.i).ToHashSet();
        Assert.NotEmpty(acknowledged);

        await using var check = server.OpenDatabase();
        var saved = await check.IndicatorValues.Include(v => v.Revisions).SingleAsync(v => v.Id == value.Id);
        var replaced = saved.Revisions.Where(r => value.Revisions.All(old => old.Id != r.Id)).Select(r => r.Value).ToList();
        // The history is a chain: the value before the burst, then every acknowledged value, each once.
        Assert.Equal(acknowledged.Count, replaced.Count);
        Assert.Equal(acknowledged.Append(value.Value).Order(), replaced.Append(saved.Value).Order());
        Assert.Equal(value.Revision + acknowledged.Count, saved.Revision);
    }

    [DatabaseFact]
    public async Task Concurrent_votes_store_one_vote_per_district_and_only_the_acknowledged_ones()
    {
        int decision;
        int[] voters;
        await using (var db = server.OpenDatabase())
        {
            var open = (await db.Decisions.Where(d => d.Status == Decisions.DecisionStatus.Open)
                    .Include(d => d.Votes).Include(d => d.Partnership).ThenInclude(p => p.Members).ThenInclude(m => m.District).OrderBy(d => d.Id).ToListAsync())
                .Select(d => new { d.Id, Voters = d.Partnership.Members.Where(m => d.Votes.All(v => v.DistrictId != m.DistrictId) && !PluginDistricts.Contains(m.District.Code)).Select(m => m.DistrictId).ToList() })
                .First(d => d.Voters.Count >= 2);
            (decision, voters) = (open.Id, [.. open.Voters]);
        }
        var before = await CountAsync(db => db.Votes.CountAsync(v => v.DecisionId == decision));
        // Several writers per district: only one of each may count.
        var payloads = await BurstAsync("castVote", "CastVoteInput", i => new
        {
            decisionId = GlobalId.Encode("Decision", decision), districtId = GlobalId.Encode("District", voters[i % voters.Length]), choice = i % 3 == 0 ? "NO" : "ABSTAIN",
        });
        AssertLosersWereTold(payloads, "CONFLICT", "ALREADY_VOTED", "DECISION_CLOSED");

        await using var check = server.OpenDatabase();
        var votes = await check.Votes.Where(v => v.DecisionId == decision).ToListAsync();
        Assert.Equal(before + payloads.Count(Acknowledged), votes.Count);
        Assert.Equal(votes.Count, votes.Select(v => v.DistrictId).Distinct().Count());
    }

    [DatabaseFact]
    public async Task Concurrent_signatures_store_one_per_district_and_only_the_acknowledged_ones()
    {
        int agreement;
        int[] signers;
        await using (var db = server.OpenDatabase())
        {
            var unsigned = (await db.Agreements.Include(a => a.Signatures).Include(a => a.Partnership).ThenInclude(p => p.Members).ThenInclude(m => m.District)
                    .OrderBy(a => a.Id).ToListAsync())
                .Select(a => new { a.Id, Signers = a.Partnership.Members.Where(m => a.Signatures.All(s => s.DistrictId != m.DistrictId) && !PluginDistricts.Contains(m.District.Code)).Select(m => m.DistrictId).ToList() })
                .First(a => a.Signers.Count >= 2);
            (agreement, signers) = (unsigned.Id, [.. unsigned.Signers]);
        }
        var before = await CountAsync(db => db.Signatures.CountAsync(s => s.AgreementId == agreement));
        var payloads = await BurstAsync("signAgreement", "SignAgreementInput", i => new
        {
            agreementId = GlobalId.Encode("Agreement", agreement), districtId = GlobalId.Encode("District", signers[i % signers.Length]), signedBy = $"Superintendent {i}",
        });
        AssertLosersWereTold(payloads, "CONFLICT", "ALREADY_SIGNED");

        await using var check = server.OpenDatabase();
        var signatures = await check.Signatures.Where(s => s.AgreementId == agreement).ToListAsync();
        Assert.Equal(before + payloads.Count(Acknowledged), signatures.Count);
        Assert.Equal(signatures.Count, signatures.Select(s => s.DistrictId).Distinct().Count());
    }

    [DatabaseFact]
    public async Task Concurrent_joins_as_fiscal_agent_leave_at_most_one_fiscal_agent()
    {
        int partnership;
        int[] joiners;
        await using (var db = server.OpenDatabase())
        {
            var open = (await db.Partnerships.Where(p => p.Status == Partnerships.PartnershipStatus.Active || p.Status == Partnerships.PartnershipStatus.Proposed)
                    .Include(p => p.Members).OrderBy(p => p.Id).ToListAsync())
                .First(p => p.Members.All(m => !m.IsFiscalAgent));
            var members = open.Members.Select(m => m.DistrictId).ToList();
            (partnership, joiners) = (open.Id, await db.ConsortiumMemberships
                .Where(m => m.ConsortiumId == open.ConsortiumId && !members.Contains(m.DistrictId) && !PluginDistricts.Contains(m.District.Code))
                .Select(m => m.DistrictId).ToArrayAsync());
        }
        Assert.True(joiners.Length >= 2);
        var payloads = await BurstAsync("joinPartnership", "JoinPartnershipInput", i => new
        {
            partnershipId = GlobalId.Encode("Partnership", partnership), districtId = GlobalId.Encode("District", joiners[i % joiners.Length]), role = "FISCAL_AGENT",
        });
        AssertLosersWereTold(payloads, "CONFLICT", "FISCAL_AGENT_EXISTS", "ALREADY_MEMBER");

        await using var check = server.OpenDatabase();
        var fiscalAgents = await check.PartnershipMembers.CountAsync(m => m.PartnershipId == partnership && m.IsFiscalAgent);
        Assert.Equal(1, payloads.Count(Acknowledged));
        Assert.Equal(1, fiscalAgents);
    }

    [DatabaseFact]
    public async Task Concurrent_writes_of_one_local_field_store_one_acknowledged_value_each_audited()
    {
        var riverside = await server.DistrictIdAsync("5000310");
        var payloads = await BurstAsync("setLocalFields", "SetLocalFieldsInput", i => new
        {
            id = riverside, plugin = "riverside", values = new { nextBoardMeeting = Day(i) },
        });
        AssertLosersWereTold(payloads, "CONFLICT");
        var acknowledged = payloads.Select((p, i) => (p, i)).Where(x => Acknowledged(x.p)).Select(x => $"\"{Day(x.i)}\"").ToHashSet();
        Assert.NotEmpty(acknowledged);

        await using var check = server.OpenDatabase();
        var stored = await check.LocalFieldValues.Where(v => v.Plugin == "riverside" && v.EntityType == "District" && v.Field == "nextBoardMeeting").ToListAsync();
        var only = Assert.Single(stored);
        Assert.Contains(only.Value, acknowledged);
        // Every acknowledged write is in the trail, with the value it wrote.
        var trail = await check.AuditEntries.Where(a => a.Operation == "setLocalFields" && a.EntityType == "LocalFieldValue" && a.Changes.Contains("2027-")).ToListAsync();
        Assert.Equal(acknowledged.Count, trail.Count);
        Assert.All(acknowledged, value => Assert.Contains(trail, a => a.Changes.Contains(value.Trim('"'))));
    }

    [DatabaseFact]
    public async Task Concurrent_amendments_store_one_version_each_acknowledged_and_only_the_last_is_pending()
    {
        int partnership, versions;
        await using (var db = server.OpenDatabase())
        {
            partnership = await db.Partnerships.Where(p => p.Status == Partnerships.PartnershipStatus.Active && p.Members.All(m => !PluginDistricts.Contains(m.District.Code)))
                .OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
            versions = await db.Agreements.CountAsync(a => a.PartnershipId == partnership);
        }
        var payloads = await BurstAsync("amendAgreement", "AmendAgreementInput", i => new
        {
            partnershipId = GlobalId.Encode("Partnership", partnership), terms = $"Amended terms {i}.", changeSummary = $"Amendment {i}.",
        });
        AssertLosersWereTold(payloads, "CONFLICT");

        await using var check = server.OpenDatabase();
        var stored = await check.Agreements.Where(a => a.PartnershipId == partnership).OrderBy(a => a.Version).ToListAsync();
        Assert.Equal(versions + payloads.Count(Acknowledged), stored.Count);
        Assert.Equal(Enumerable.Range(1, stored.Count), stored.Select(a => a.Version));
        // The version in force stays in force; of the amendments, only the newest awaits signatures.
        Assert.Single(stored, a => a.Status == Agreements.AgreementStatus.InForce);
        Assert.Equal(Agreements.AgreementStatus.Pending, stored[^1].Status);
        Assert.Single(stored, a => a.Status == Agreements.AgreementStatus.Pending);
    }

    [DatabaseFact]
    public async Task Concurrent_notices_to_leave_never_leave_a_partnership_with_fewer_than_two_members()
    {
        string[] codes = ["3300710", "3300820", "2300150", "2300260"];
        var ids = new List<string>();
        foreach (var code in codes) ids.Add(await server.DistrictIdAsync(code));
        var created = (await server.QueryAsync("mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { partnership { id } errors { code } } }", new
        {
            input = new
            {
                consortiumId = GlobalId.Encode("Consortium", 1), name = $"Leaving race {Guid.NewGuid():N}", kind = "ADVOCACY", leadDistrictId = ids[0], memberDistrictIds = ids,
                agreementTitle = "MOU", agreementTerms = "Terms.",
            },
        }, await server.TokenAsync())).GetProperty("createPartnership");
        var partnership = created.GetProperty("partnership").GetProperty("id").GetString();
        var payloads = await BurstAsync("leavePartnership", "LeavePartnershipInput", i => new { partnershipId = partnership, districtId = ids[1 + i % 3] });
        AssertLosersWereTold(payloads, "CONFLICT", "AT_LEAST_TWO_MEMBERS", "DISTRICT_MUST_BE_MEMBER");

        GlobalId.TryDecode(partnership, "Partnership", out var key);
        await using var check = server.OpenDatabase();
        var members = await check.PartnershipMembers.Where(m => m.PartnershipId == key).ToListAsync();
        Assert.Equal(payloads.Count(Acknowledged), members.Count(m => m.LeftOn is not null));
        Assert.True(members.Count(m => m.LeftOn is null) >= 2, $"{members.Count(m => m.LeftOn is null)} members left in the partnership");
        Assert.True(payloads.Count(Acknowledged) >= 1);
    }

    private static string Day(int writer) => new DateOnly(2027, 1, 1).AddDays(writer).ToString("yyyy-MM-dd");

    private async Task<int> CountAsync(Func<Data.ConsortiumDb, Task<int>> count)
    {
        await using var db = server.OpenDatabase();
        return await count(db);
    }
}

public sealed class SqliteConcurrentWriterTests(SqliteServer server) : ConcurrentWriterTests<SqliteServer>(server);

public sealed class PostgreSqlConcurrentWriterTests(PostgreSqlServer server) : ConcurrentWriterTests<PostgreSqlServer>(server), IPostgreSqlSuite;

/// <summary>Which failures of a save tell the caller it lost a race (CONFLICT, retry) and which are the server's own errors.</summary>
public sealed class LostRaceTests
{
    private static Npgsql.PostgresException Postgres(string state) => new("failed", "ERROR", "ERROR", state);

    [Fact]
    public void A_deadlock_or_serialization_failure_inside_a_save_is_a_lost_race_however_EF_Core_wraps_it()
    {
        // What the Npgsql provider's execution strategy throws when SaveChanges hits a deadlock: the transient failure,
        // around the DbUpdateException, around PostgreSQL's error (the fifty-joiners test on CI once got this as INVALID_OPERATION).
        Assert.True(MutationFields.LostRace(new InvalidOperationException("transient", new DbUpdateException("save", Postgres("40P01")))));
        Assert.True(MutationFields.LostRace(new InvalidOperationException("transient", Postgres("40001"))));
        Assert.True(MutationFields.LostRace(new DbUpdateException("unique", Postgres("23505"))));
        Assert.True(MutationFields.LostRace(new DbUpdateConcurrencyException("stale revision")));
    }

    [Fact]
    public void A_failure_that_is_no_race_stays_the_servers_error()
    {
        Assert.False(MutationFields.LostRace(new InvalidOperationException("a bug")));
        Assert.False(MutationFields.LostRace(new InvalidOperationException("a bug", new ArgumentException("inner"))));
        Assert.False(MutationFields.LostRace(new InvalidOperationException("not transient", Postgres("42P01"))));
    }
}
