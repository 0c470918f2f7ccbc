using System.Text.Json;
using System.Text.Json.Serialization;
using ConsortiumGraph.Access;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Data;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Grants;
using ConsortiumGraph.Indicators;
using ConsortiumGraph.Leagues;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Bench;

/// <summary>
/// The baseline: for each read operation, the endpoint a careful developer would write by hand for that
/// one shape, with no GraphQL: the same caller and row rules (the same query filters), the fewest
/// statements EF Core needs, only the columns the response shows, and the same JSON. The benchmark
/// checks the JSON is identical before it measures anything.
/// </summary>
public static class Baseline
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static void MapBaseline(this IEndpointRouteBuilder app)
    {
        app.MapGet("/baseline/dashboard/{id:int}", (int id, HttpContext http) => Respond(http, (db, now, ct) => DashboardAsync(db, id, ct)));
        app.MapGet("/baseline/partnership/{id:int}", (int id, HttpContext http) => Respond(http, (db, now, ct) => PartnershipAsync(db, id, now, ct)));
        app.MapGet("/baseline/districts", (string? after, HttpContext http) => Respond(http, (db, now, ct) => DistrictPageAsync(db, after, ct)));
        app.MapGet("/baseline/district/{code}", (string code, HttpContext http) => Respond(http, (db, now, ct) => DistrictLocalFieldsAsync(db, code, ct)));
        app.MapGet("/baseline/funding-report", (HttpContext http) => Respond(http, async (db, now, ct) =>
        {
            var caller = await http.RequestServices.GetRequiredService<RequestCaller>().GetAsync(ct);
            return await FundingReportAsync(db, caller.FunderId ?? 0, ct);
        }));
        app.MapGet("/baseline/grant/{id:int}", (int id, DateOnly asOf, HttpContext http) => Respond(http, (db, now, ct) => GrantBooksAsync(db, id, asOf, ct)));
        app.MapGet("/baseline/purchasing/{id:int}", (int id, HttpContext http) => Respond(http, (db, now, ct) => PurchasingSavingsAsync(db, id, ct)));
        app.MapGet("/baseline/league/{id:int}", (int id, HttpContext http) => Respond(http, (db, now, ct) => LeagueTrajectoriesAsync(db, id, ct)));
        app.MapGet("/baseline/league/{id:int}/practices", (int id, string search, HttpContext http) => Respond(http, (db, now, ct) => PracticeSearchAsync(db, id, search, ct)));
    }

    private static async Task Respond(HttpContext http, Func<ConsortiumDb, DateTime, CancellationToken, Task<object?>> read)
    {
        var ct = http.RequestAborted;
        var body = await RunAsync(http.RequestServices, read, ct);
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new { data = body }, Json, ct);
    }

    /// <summary>One read as the caller of the current request (resolved as the GraphQL endpoint does).</summary>
    public static async Task<object?> RunAsync(IServiceProvider services, Func<ConsortiumDb, DateTime, CancellationToken, Task<object?>> read, CancellationToken ct)
    {
        var caller = await services.GetRequiredService<RequestCaller>().GetAsync(ct);
        await using var db = await services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync(ct);
        caller.Apply(db);
        return await read(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
    }

    public static Task WriteAsync(Stream stream, object? body, CancellationToken ct) => JsonSerializer.SerializeAsync(stream, new { data = body }, Json, ct);

    /// <summary>GraphQL's enum value names: OnTrack is ON_TRACK.</summary>
    public static string Constant<T>(T value) where T : struct, Enum => EnumNames<T>.Names[value];

    private static readonly string[] LeadFiscalAgentMember = ["LEAD", "FISCAL_AGENT", "MEMBER"], LeadMember = ["LEAD", "MEMBER"], FiscalAgentMember = ["FISCAL_AGENT", "MEMBER"], Member = ["MEMBER"];

    /// <summary>A member's roles as the API lists them, most significant first.</summary>
    public static string[] Roles(bool lead, bool fiscalAgent) => (lead, fiscalAgent) switch
    {
        (true, true) => LeadFiscalAgentMember, (true, false) => LeadMember, (false, true) => FiscalAgentMember, _ => Member,
    };

    private static class EnumNames<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v =>
            string.Concat(v.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : char.ToUpperInvariant(ch).ToString())));
    }

    public static async Task<object?> DashboardAsync(ConsortiumDb db, int id, CancellationToken ct)
    {
        var consortium = await db.Consortia.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (consortium is null) return new { consortium = (object?)null };
        var total = await db.Partnerships.CountAsync(p => p.ConsortiumId == id, ct);
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => p.ConsortiumId == id).OrderBy(p => p.Name).ThenBy(p => p.Id).Take(20)
            .Select(p => new
            {
                p.Id, p.Name, p.Kind, p.Status, p.StartsOn,
                Members = p.Members.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id).Select(m => new { m.IsLead, m.IsFiscalAgent, m.District.Id, m.District.Code, m.District.Name }).ToList(),
                Open = p.Decisions.Where(d => d.Status == DecisionStatus.Open).OrderByDescending(d => d.Deadline).ThenBy(d => d.Id).Take(5)
                    .Select(d => new { d.Id, d.Title, d.Deadline }).ToList(),
                OpenCount = p.Decisions.Count(d => d.Status == DecisionStatus.Open),
            })
            .AsSplitQuery().ToListAsync(ct);
        var ids = partnerships.Select(p => p.Id).ToList();
        var counts = (await db.Commitments.Where(c => ids.Contains(c.PartnershipId)).GroupBy(c => new { c.PartnershipId, c.Status })
            .Select(g => new { g.Key.PartnershipId, g.Key.Status, Count = g.Count() }).ToListAsync(ct)).ToLookup(c => c.PartnershipId);
        return new
        {
            consortium = new
            {
                id = GlobalId.Encode("Consortium", consortium.Id), name = consortium.Name,
                partnerships = new
                {
                    totalCount = total,
                    nodes = partnerships.Select(p => new
                    {
                        id = GlobalId.Encode("Partnership", p.Id), name = p.Name, kind = Constant(p.Kind), status = Constant(p.Status), startsOn = p.StartsOn,
                        members = p.Members.Select(m => new { roles = Roles(m.IsLead, m.IsFiscalAgent), district = new { id = GlobalId.Encode("District", m.Id), code = m.Code, name = m.Name } }),
                        impact = new { commitmentsByStatus = counts[p.Id].OrderBy(c => c.Status).Select(c => new { status = Constant(c.Status), count = c.Count }) },
                        decisions = new { totalCount = p.OpenCount, nodes = p.Open.Select(d => new { id = GlobalId.Encode("Decision", d.Id), title = d.Title, deadline = d.Deadline }) },
                    }),
                },
            },
        };
    }

    public static async Task<object?> PartnershipAsync(ConsortiumDb db, int id, DateTime now, CancellationToken ct)
    {
        var p = await db.Partnerships.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            p.Id, p.Name, p.Kind, p.Status, p.SharedGoal, p.StartsOn, p.EndsOn,
            Members = p.Members.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id).Select(m => new { m.IsLead, m.IsFiscalAgent, m.JoinedOn, m.LeftOn, m.DistrictId, m.District.Code, m.District.Name }).ToList(),
            CommitmentCount = p.Commitments.Count(),
        }).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (p is null) return new { node = (object?)null };
        // Pages of a child list with their own children are separate queries: on SQLite, EF Core cannot
        // nest a collection inside a limited one (it would need APPLY).
        var a = await db.Agreements.AsNoTracking().Where(a => a.PartnershipId == id).OrderByDescending(a => a.Version).Select(a => new
        {
            a.Id, a.Version, a.Title, a.EffectiveOn,
            Signatures = a.Signatures.OrderBy(s => s.SignedAt).ThenBy(s => s.Id).Select(s => new { s.SignedBy, s.SignedAt, s.DistrictId, s.District.Code }).ToList(),
        }).AsSplitQuery().FirstOrDefaultAsync(ct);
        var commitments = await db.Commitments.AsNoTracking().Where(c => c.PartnershipId == id).OrderBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenBy(c => c.Id).Take(50)
            .Select(c => new { c.Id, c.Title, c.Status, c.DueOn, c.District.Code }).ToListAsync(ct);
        var commitmentIds = commitments.Select(c => c.Id).ToList();
        var progress = (await db.ProgressUpdates.AsNoTracking().Where(u => commitmentIds.Contains(u.CommitmentId)).OrderBy(u => u.ReportedAt).ThenBy(u => u.Id)
            .Select(u => new { u.CommitmentId, u.ReportedAt, u.Status, u.PercentComplete }).ToListAsync(ct)).ToLookup(u => u.CommitmentId);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.PartnershipId == id).OrderByDescending(d => d.Deadline).ThenBy(d => d.Id).Take(20)
            .Select(d => new { d.Id, d.Title, d.Area, d.Status, d.Deadline }).ToListAsync(ct);
        var decisionIds = decisions.Select(d => d.Id).ToList();
        var votes = (await db.Votes.AsNoTracking().Where(v => decisionIds.Contains(v.DecisionId)).OrderBy(v => v.CastAt).ThenBy(v => v.Id)
            .Select(v => new { v.DecisionId, v.Choice, v.CastAt, v.District.Code }).ToListAsync(ct)).ToLookup(v => v.DecisionId);
        return new
        {
            node = new
            {
                id = GlobalId.Encode("Partnership", p.Id), name = p.Name, kind = Constant(p.Kind), status = Constant(p.Status), sharedGoal = p.SharedGoal,
                startsOn = p.StartsOn, endsOn = p.EndsOn,
                members = p.Members.Select(m => new { roles = Roles(m.IsLead, m.IsFiscalAgent), joinedOn = m.JoinedOn, district = new { id = GlobalId.Encode("District", m.DistrictId), code = m.Code, name = m.Name } }),
                agreement = a is null ? null : new
                {
                    id = GlobalId.Encode("Agreement", a.Id), version = a.Version, title = a.Title, effectiveOn = a.EffectiveOn,
                    // Every current member has signed: both lists are already here.
                    fullySigned = p.Members.Where(m => m.LeftOn is not { } left || left > DateOnly.FromDateTime(now)).All(m => a.Signatures.Any(s => s.DistrictId == m.DistrictId)),
                    signatures = a.Signatures.Select(s => new { signedBy = s.SignedBy, signedAt = s.SignedAt, district = new { code = s.Code } }),
                },
                commitments = new
                {
                    totalCount = p.CommitmentCount,
                    nodes = commitments.Select(c => new
                    {
                        id = GlobalId.Encode("Commitment", c.Id), title = c.Title, status = Constant(c.Status), dueOn = c.DueOn, district = new { code = c.Code },
                        progress = progress[c.Id].Select(u => new { reportedAt = u.ReportedAt, status = Constant(u.Status), percentComplete = u.PercentComplete }),
                    }),
                },
                decisions = new
                {
                    nodes = decisions.Select(d => new
                    {
                        id = GlobalId.Encode("Decision", d.Id), title = d.Title, area = d.Area,
                        status = Constant(d.Status == DecisionStatus.Open && d.Deadline <= now ? DecisionStatus.Expired : d.Status), deadline = d.Deadline,
                        votes = votes[d.Id].Select(v => new { choice = Constant(v.Choice), castAt = v.CastAt, district = new { code = v.Code } }),
                    }),
                },
            },
        };
    }

    /// <summary>Texas and California rural and town districts, largest first, 20 a page after the cursor (enrollment, id).</summary>
    public static async Task<object?> DistrictPageAsync(ConsortiumDb db, string? after, CancellationToken ct)
    {
        string[] states = ["TX", "CA"];
        Districts.Locale[] locales = [Districts.Locale.Rural, Districts.Locale.Town];
        var filtered = db.Districts.AsNoTracking().Where(d => states.Contains(d.State) && locales.Contains(d.Locale));
        var page = filtered;
        if (after is not null)
        {
            var key = JsonSerializer.Deserialize<JsonElement[]>(System.Buffers.Text.Base64Url.DecodeFromChars(after))!;
            var (enrollment, lastId) = (key[0].GetInt32(), key[1].GetInt32());
            page = page.Where(d => d.Enrollment < enrollment || (d.Enrollment == enrollment && d.Id > lastId));
        }
        var total = await filtered.CountAsync(ct);
        var rows = await page.OrderByDescending(d => d.Enrollment).ThenBy(d => d.Id).Take(21)
            .Select(d => new { d.Id, d.Code, d.Name, d.State, d.Locale, d.Enrollment }).ToListAsync(ct);
        var nodes = rows.Take(20).ToList();
        return new
        {
            districts = new
            {
                totalCount = total,
                pageInfo = new
                {
                    hasNextPage = rows.Count > 20,
                    endCursor = nodes.Count == 0 ? null : System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new object[] { nodes[^1].Enrollment, nodes[^1].Id })),
                },
                nodes = nodes.Select(d => new { id = GlobalId.Encode("District", d.Id), code = d.Code, name = d.Name, state = d.State, locale = Constant(d.Locale), enrollment = d.Enrollment }),
            },
        };
    }

    /// <summary>The district, its consortia, and Maple Ridge's stored values with the attendance rate it computes from them.</summary>
    public static async Task<object?> DistrictLocalFieldsAsync(ConsortiumDb db, string code, CancellationToken ct)
    {
        var d = await db.Districts.AsNoTracking().Where(d => d.Code == code).Select(d => new
        {
            d.Id, d.Code, d.Name, d.Locale, d.Enrollment,
            Consortia = d.ConsortiumMemberships.OrderBy(m => m.Id).Select(m => new { m.Consortium.Id, m.Consortium.Name }).ToList(),
            Local = db.LocalFieldValues.Where(v => v.Plugin == "mapleRidge" && v.EntityType == "District" && v.EntityId == d.Id).Select(v => new { v.Field, v.Value }).ToList(),
        }).FirstOrDefaultAsync(ct);
        if (d is null) return new { district = (object?)null };
        decimal? Stored(string field) => d.Local.FirstOrDefault(v => v.Field == field) is { } v ? JsonSerializer.Deserialize<decimal?>(v.Value) : null;
        var (ada, adm) = (Stored("sisAverageDailyAttendance"), Stored("sisAverageDailyMembership"));
        return new
        {
            district = new
            {
                id = GlobalId.Encode("District", d.Id), code = d.Code, name = d.Name, locale = Constant(d.Locale), enrollment = d.Enrollment,
                consortia = d.Consortia.Select(c => new { id = GlobalId.Encode("Consortium", c.Id), name = c.Name }),
                local = new
                {
                    mapleRidge = d.Code == BenchTargets.LocalDistrict ? new
                    {
                        sisAverageDailyAttendance = ada, sisAverageDailyMembership = adm,
                        attendanceRate = ada is { } a && adm is { } m && m > 0 ? Math.Round(a / m * 100, 1) : (decimal?)null,
                    } : null,
                },
            },
        };
    }

    /// <summary>
    /// The funder's report in six statements whatever its number of grants and indicators: each part
    /// (impact counts, roll-ups, withheld data) is one GROUP BY or join over all the funder's grants.
    /// </summary>
    public static async Task<object?> FundingReportAsync(ConsortiumDb db, int funderId, CancellationToken ct)
    {
        var funder = await db.Funders.AsNoTracking().Where(f => f.Id == funderId).Select(f => new { f.Id, f.Name }).FirstOrDefaultAsync(ct);
        if (funder is null) return new { fundingReport = (object?)null };
        var grants = await db.Grants.AsNoTracking().Where(g => g.FunderId == funderId).OrderBy(g => g.StartsOn).ThenBy(g => g.Id)
            .Select(g => new { g.Id, g.PartnershipId, g.StartsOn, g.EndsOn, Partnership = g.Partnership.Name, g.Partnership.ConsortiumId, FiscalAgent = g.FiscalAgent.Name })
            .ToListAsync(ct);
        var consortia = grants.Select(g => g.ConsortiumId).Distinct().ToList();
        var indicators = (await db.Indicators.AsNoTracking().Where(i => consortia.Contains(i.ConsortiumId) && i.Level == IndicatorLevel.District).OrderBy(i => i.Code).ToListAsync(ct)).ToLookup(i => i.ConsortiumId);

        var statuses = (await (
                from g in db.Grants where g.FunderId == funderId
                from c in db.Commitments
                where c.PartnershipId == g.PartnershipId && (c.DueOn == null || (c.DueOn >= g.StartsOn && c.DueOn <= g.EndsOn))
                group c by new { Grant = g.Id, c.Status, c.Partnership.Kind } into s
                select new { s.Key.Grant, s.Key.Status, s.Key.Kind, Count = s.Count(), Seats = s.Sum(c => c.StudentSeats ?? 0) })
            .ToListAsync(ct)).ToLookup(s => s.Grant);

        var years = grants.ToDictionary(g => g.Id, g => FundingReports.SchoolYears(g.StartsOn, g.EndsOn).ToHashSet());
        var anyYear = years.Values.SelectMany(y => y).Distinct().ToList();
        var totals = (await (
                from g in db.Grants where g.FunderId == funderId
                join m in db.PartnershipMembers on g.PartnershipId equals m.PartnershipId
                join v in db.IndicatorValues on m.DistrictId equals v.DistrictId
                where v.Indicator.ConsortiumId == g.Partnership.ConsortiumId && v.SchoolId == null && anyYear.Contains(v.Period)
                    && db.DataSharingConsents.Any(c => c.DistrictId == v.DistrictId && c.IndicatorId == v.IndicatorId && c.SharedWithFunders)
                group v by new { Grant = g.Id, v.IndicatorId, v.Period } into t
                select new
                {
                    t.Key.Grant, t.Key.IndicatorId, t.Key.Period, Districts = t.Count(), Students = t.Sum(v => v.StudentCount), Sum = t.Sum(v => v.Value),
                    Weighted = t.Sum(v => v.Value * v.StudentCount), Min = t.Min(v => v.Value), Max = t.Max(v => v.Value),
                })
            .ToListAsync(ct)).ToLookup(t => (t.Grant, t.IndicatorId));

        var withheld = (await (
                from g in db.Grants where g.FunderId == funderId
                join m in db.PartnershipMembers on g.PartnershipId equals m.PartnershipId
                from i in db.Indicators where i.ConsortiumId == g.Partnership.ConsortiumId && i.Level == IndicatorLevel.District
                where !db.DataSharingConsents.Any(c => c.DistrictId == m.DistrictId && c.IndicatorId == i.Id && c.SharedWithFunders)
                select new { Grant = g.Id, District = m.District.Name, Indicator = i.Code })
            .ToListAsync(ct)).ToLookup(w => w.Grant);

        return new
        {
            fundingReport = new
            {
                funder = new { id = GlobalId.Encode("Funder", funder.Id), name = funder.Name },
                grants = grants.Select(g => new
                {
                    grant = new { id = GlobalId.Encode("Grant", g.Id), startsOn = g.StartsOn, endsOn = g.EndsOn },
                    partnership = g.Partnership,
                    fiscalAgent = g.FiscalAgent,
                    impact = new
                    {
                        commitmentsByStatus = statuses[g.Id].GroupBy(s => s.Status).OrderBy(s => s.Key).Select(s => new { status = Constant(s.Key), count = s.Sum(x => x.Count) }),
                        studentSeats = statuses[g.Id].Where(s => s.Kind == PartnershipKind.SharedCourse && s.Status != CommitmentStatus.Dropped).Sum(s => s.Seats),
                    },
                    indicators = indicators[g.ConsortiumId].Select(i => new
                    {
                        code = i.Code, name = i.Name, unit = i.Unit, aggregation = Constant(i.Aggregation),
                        periods = totals[(g.Id, i.Id)].Where(t => years[g.Id].Contains(t.Period)).OrderBy(t => t.Period, StringComparer.Ordinal)
                            .Select(t => Rollups.Row(i, new RollupTotals { Group = g.Partnership, Period = t.Period, Values = t.Districts, Districts = t.Districts, Students = t.Students, Sum = t.Sum, Weighted = t.Weighted, Min = t.Min, Max = t.Max }))
                            .Select(r => new { group = r.Group, period = r.Period, value = r.Value, districts = r.Districts, students = r.Students, suppressed = r.Suppressed }),
                    }),
                    withheld = withheld[g.Id].OrderBy(w => w.District, StringComparer.Ordinal).ThenBy(w => w.Indicator, StringComparer.Ordinal)
                        .Select(w => new { district = w.District, indicator = w.Indicator }),
                }),
            },
        };
    }

    /// <summary>
    /// A grant's books in four statements: the grant with its drawdowns and the number of its spending rows the caller
    /// may read; every line of the budget in force (the totals count every member's; the caller is shown the lines its
    /// rules allow, as the row filter would); spending grouped by category, member and source; the latest spending.
    /// </summary>
    public static async Task<object?> GrantBooksAsync(ConsortiumDb db, int id, DateOnly asOf, CancellationToken ct)
    {
        var g = await db.Grants.AsNoTracking().Where(g => g.Id == id).Select(g => new
        {
            g.Id, g.Amount, g.MatchRequired, g.StartsOn, g.EndsOn, g.BudgetVersion, g.FiscalAgentId, Partnership = g.Partnership.Name,
            FiscalAgentCode = g.FiscalAgent.Code, FiscalAgentName = g.FiscalAgent.Name, SpendingRows = g.Expenditures.Count(),
            Drawdowns = g.Drawdowns.OrderBy(d => d.RequestedOn).ThenBy(d => d.Id).Select(d => new { d.RequestedOn, d.Amount, d.ReceivedOn, d.ReceivedAmount }).ToList(),
        }).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (g is null) return new { node = (object?)null };
        var lines = await db.GrantBudgetLines.IgnoreQueryFilters().AsNoTracking().Where(l => l.GrantId == id && l.Revision == g.BudgetVersion)
            .OrderBy(l => l.Category).ThenBy(l => l.DistrictId).ThenBy(l => l.Id).Select(l => new { l.Category, l.DistrictId, Code = l.District!.Code, l.Amount }).ToListAsync(ct);
        var spent = await db.Expenditures.IgnoreQueryFilters().AsNoTracking().Where(e => e.GrantId == id && e.SpentOn <= asOf)
            .GroupBy(e => new { e.Category, e.DistrictId, Code = e.District!.Code, e.FundedBy })
            .Select(s => new { s.Key.Category, s.Key.DistrictId, s.Key.Code, s.Key.FundedBy, Amount = s.Sum(e => e.Amount) }).ToListAsync(ct);
        var latest = await db.Expenditures.AsNoTracking().Where(e => e.GrantId == id).OrderByDescending(e => e.SpentOn).ThenBy(e => e.Id).Take(25)
            .Select(e => new { e.SpentOn, e.Category, e.Amount, e.FundedBy, e.Description, Code = e.District!.Code }).ToListAsync(ct);

        var drawn = g.Drawdowns.Where(d => d.RequestedOn <= asOf).ToList();
        // The books computed as the server computes them (GrantLedger) from the rows read here.
        var books = GrantLedger.Financials(db, (g.Amount, g.MatchRequired, g.StartsOn, g.EndsOn, g.FiscalAgentId), asOf,
            [.. lines.Select(l => (l.Category, l.DistrictId, l.Amount))], [.. spent.Select(e => (e.Category, e.DistrictId, e.FundedBy, e.Amount))],
            drawn.Sum(d => d.Amount), drawn.Sum(d => d.ReceivedOn is { } on && on <= asOf ? d.ReceivedAmount ?? 0 : 0));
        var codes = lines.Select(l => (l.DistrictId, l.Code)).Concat(spent.Select(e => (e.DistrictId, e.Code))).Where(d => d.DistrictId is not null)
            .DistinctBy(d => d.DistrictId).ToDictionary(d => d.DistrictId!.Value, d => d.Code);
        return new
        {
            node = new
            {
                id = GlobalId.Encode("Grant", g.Id), amount = g.Amount, matchRequired = g.MatchRequired, startsOn = g.StartsOn, endsOn = g.EndsOn, budgetVersion = g.BudgetVersion,
                partnership = new { name = g.Partnership },
                fiscalAgent = new { code = g.FiscalAgentCode, name = g.FiscalAgentName },
                // The lines the row filter would show: partnership-wide, and members' to their own staff and the fiscal agent's.
                budget = lines.Where(l => l.DistrictId is not { } d || db.SeesBusinessOf(d) || db.SeesBusinessOf(g.FiscalAgentId))
                    .Select(l => new { category = Constant(l.Category), amount = l.Amount, district = l.DistrictId is null ? null : new { code = l.Code } }),
                financials = new
                {
                    awarded = books.Awarded, budgeted = books.Budgeted, spent = books.Spent, remaining = books.Remaining, drawnDown = books.DrawnDown,
                    received = books.Received, cashOnHand = books.CashOnHand, matchMet = books.MatchMet, matchRemaining = books.MatchRemaining,
                    byCategory = books.ByCategory.Select(c => new { category = Constant(c.Category!.Value), budgeted = c.Budgeted, spent = c.Spent, remaining = c.Remaining }),
                    byMember = books.ByMember.Select(m => new { district = new { code = codes[m.DistrictId!.Value] }, budgeted = m.Budgeted, spent = m.Spent, remaining = m.Remaining }),
                    burnRate = new
                    {
                        periodElapsed = books.BurnRate.PeriodElapsed, awardSpent = books.BurnRate.AwardSpent, spentPerMonth = books.BurnRate.SpentPerMonth,
                        projectedAtEnd = books.BurnRate.ProjectedAtEnd, pace = Constant(books.BurnRate.Pace),
                    },
                },
                drawdowns = g.Drawdowns.Select(d => new { requestedOn = d.RequestedOn, amount = d.Amount, receivedOn = d.ReceivedOn, receivedAmount = d.ReceivedAmount }),
                expenditures = new
                {
                    totalCount = g.SpendingRows,
                    nodes = latest.Select(e => new { spentOn = e.SpentOn, category = Constant(e.Category), amount = e.Amount, fundedBy = Constant(e.FundedBy), description = e.Description, district = e.Code is null ? null : new { code = e.Code } }),
                },
            },
        };
    }

    /// <summary>
    /// A joint purchase as a member district reads it: the rounds with their quotes, each contract with the caller's
    /// first purchases under it and their count, and every member's savings in one GROUP BY by contract and member.
    /// </summary>
    public static async Task<object?> PurchasingSavingsAsync(ConsortiumDb db, int id, CancellationToken ct)
    {
        var p = await db.Partnerships.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        if (p is null) return new { node = (object?)null };
        var rounds = await db.PurchasingRounds.AsNoTracking().Where(r => r.PartnershipId == id).OrderByDescending(r => r.QuotesDueOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Item, r.Unit, r.Status, r.QuotesDueOn,
                Quotes = r.Quotes.OrderBy(q => q.UnitPrice).ThenBy(q => q.Id).Select(q => new { q.UnitPrice, Vendor = q.Vendor.Name }).ToList(),
            }).AsSplitQuery().ToListAsync(ct);
        // Each contract with the caller's first purchases under it (the row filter keeps its own district's) and their count.
        var contracts = (await db.Contracts.AsNoTracking().Where(c => c.Round.PartnershipId == id).Select(c => new
        {
            c.Id, c.RoundId, c.UnitPrice, c.StartsOn, c.EndsOn, Vendor = c.Vendor.Name, Purchases = c.Purchases.Count(),
            // Said of the partnership too, so the database numbers only its lines, not every purchase in the table.
            Lines = c.Purchases.Where(l => l.PartnershipId == id).OrderBy(l => l.PurchasedOn).ThenBy(l => l.Id).Take(20)
                .Select(l => new { l.Quantity, l.PurchasedOn, l.ConsortiumUnitPrice, l.StandaloneUnitPrice, l.DistrictId }).ToList(),
        }).AsSplitQuery().ToListAsync(ct)).ToDictionary(c => c.RoundId);
        // Every member's purchases count in the savings, in one GROUP BY by contract and member: the partnership's
        // totals add up its contracts' (every generated purchase is under one). Members see their own rows.
        var sums = await db.PurchaseLines.IgnoreQueryFilters().Where(l => l.PartnershipId == id)
            .GroupBy(l => new { l.ContractId, l.DistrictId })
            .Select(g => new
            {
                g.Key.ContractId, g.Key.DistrictId, Units = g.Sum(x => (long)x.Quantity),
                Paid = g.Sum(x => x.ConsortiumUnitPrice * x.Quantity), Standalone = g.Sum(x => x.StandaloneUnitPrice * x.Quantity),
            }).ToListAsync(ct);
        var codes = await db.PartnershipMembers.AsNoTracking().Where(m => m.PartnershipId == id)
            .Select(m => new { m.DistrictId, m.District.Code }).ToDictionaryAsync(m => m.DistrictId, m => m.Code, ct);
        var members = sums.GroupBy(s => s.DistrictId).OrderBy(g => g.Key)
            .Select(g => new { DistrictId = g.Key, Units = g.Sum(s => s.Units), Paid = g.Sum(s => s.Paid), Standalone = g.Sum(s => s.Standalone) }).ToList();
        return new
        {
            node = new
            {
                id = GlobalId.Encode("Partnership", p.Id), name = p.Name,
                impact = new
                {
                    savings = members.Sum(m => m.Standalone - m.Paid),
                    savingsByMember = members.Where(m => db.SeesBusinessOf(m.DistrictId)).Select(m => new
                    {
                        district = new { code = codes[m.DistrictId] }, units = m.Units, paid = m.Paid, standalone = m.Standalone, saved = m.Standalone - m.Paid,
                    }),
                },
                purchasingRounds = rounds.Select(r => new
                {
                    id = GlobalId.Encode("PurchasingRound", r.Id), item = r.Item, unit = r.Unit, status = Constant(r.Status), quotesDueOn = r.QuotesDueOn,
                    quotes = r.Quotes.Select(q => new { unitPrice = q.UnitPrice, vendor = new { name = q.Vendor } }),
                    contract = !contracts.TryGetValue(r.Id, out var c) ? null : new
                    {
                        id = GlobalId.Encode("Contract", c.Id), unitPrice = c.UnitPrice, startsOn = c.StartsOn, endsOn = c.EndsOn, vendor = new { name = c.Vendor },
                        savings = sums.Where(s => s.ContractId == c.Id).Sum(s => s.Standalone - s.Paid) + 0.00m,
                        savingsByMember = sums.Where(s => s.ContractId == c.Id && db.SeesBusinessOf(s.DistrictId)).OrderBy(s => s.DistrictId)
                            .Select(s => new { district = new { code = codes[s.DistrictId] }, units = s.Units, saved = s.Standalone - s.Paid }),
                        purchases = new
                        {
                            totalCount = c.Purchases,
                            nodes = c.Lines.Select(l => new
                            {
                                quantity = l.Quantity, purchasedOn = l.PurchasedOn, consortiumUnitPrice = l.ConsortiumUnitPrice, standaloneUnitPrice = l.StandaloneUnitPrice,
                                saved = (l.StandaloneUnitPrice - l.ConsortiumUnitPrice) * l.Quantity, district = new { code = codes[l.DistrictId] },
                            }),
                        },
                    },
                }),
            },
        };
    }

    /// <summary>
    /// A League's page in five statements: the League with its members and their schools, its framework in force with
    /// its dimensions, and every rating its schools gave, from which the distribution and each trajectory are computed
    /// as the server computes them (<see cref="LeagueHistory"/>).
    /// </summary>
    public static async Task<object?> LeagueTrajectoriesAsync(ConsortiumDb db, int id, CancellationToken ct)
    {
        var league = await db.Leagues.AsNoTracking().Where(l => l.Id == id).Select(l => new
        {
            l.Id, l.Name,
            Members = l.Memberships.Where(m => m.LeftOn == null).OrderBy(m => m.School.Name).ThenBy(m => m.Id)
                .Select(m => new { m.Id, m.JoinedOn, m.School.Code, School = m.School.Name }).ToList(),
        }).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (league is null) return new { node = (object?)null };
        var framework = await db.ImprovementFrameworks.AsNoTracking().Where(f => f.LeagueId == id).OrderByDescending(f => f.Version)
            .Select(f => new { f.Version, f.Levels, Dimensions = f.Dimensions.OrderBy(d => d.Position).Select(d => new { d.Key, d.Name }).ToList() })
            .AsSplitQuery().FirstOrDefaultAsync(ct);
        var history = new LeagueHistory(await db.DimensionRatings.AsNoTracking().Where(r => r.Assessment.Membership.LeagueId == id)
            .OrderBy(r => r.Assessment.AssessedOn).ThenBy(r => r.Id)
            .Select(r => new RatedDimension(r.Assessment.MembershipId, r.Assessment.AssessedOn, r.Dimension.Key, r.Rating)).ToListAsync(ct));
        return new
        {
            node = new
            {
                id = GlobalId.Encode("League", league.Id), name = league.Name,
                framework = framework is null ? null : new { version = framework.Version, levels = framework.Levels, dimensions = framework.Dimensions.Select(d => new { key = d.Key, name = d.Name }) },
                distribution = history.Distribution.Select(d => new
                {
                    dimension = d.Dimension, schoolYear = d.SchoolYear, schools = d.Schools, minimum = d.Minimum, lowerQuartile = d.LowerQuartile,
                    median = d.Median, upperQuartile = d.UpperQuartile, maximum = d.Maximum,
                }),
                members = league.Members.Select(m => new
                {
                    id = GlobalId.Encode("LeagueMembership", m.Id), status = Constant(m.JoinedOn is null ? LeagueMembershipStatus.Pending : LeagueMembershipStatus.Active),
                    joinedOn = m.JoinedOn, school = new { code = m.Code, name = m.School },
                    trajectory = history.TrajectoryOf(m.Id).Select(t => new { dimension = t.Dimension, baseline = t.Baseline, latest = t.Latest, change = t.Change, changePerYear = t.ChangePerYear }),
                }),
            },
        };
    }

    /// <summary>
    /// The first page of a League's practices matching the words, newest first, through the provider's full-text index
    /// (<see cref="PracticeSearch"/>): the League, the count and the page, three statements.
    /// </summary>
    public static async Task<object?> PracticeSearchAsync(ConsortiumDb db, int leagueId, string search, CancellationToken ct)
    {
        if (!await db.Leagues.AnyAsync(l => l.Id == leagueId, ct)) return new { node = (object?)null };
        var matching = PracticeSearch.InLeague(db, leagueId, search).AsNoTracking();
        var total = await matching.CountAsync(ct);
        var rows = await matching.OrderByDescending(p => p.SharedAt).ThenBy(p => p.Id).Take(21)
            .Select(p => new { p.Id, p.Title, p.Summary, p.Dimensions, p.GradeLevels, p.SharedAt, School = p.Membership.School.Name }).ToListAsync(ct);
        var nodes = rows.Take(20).ToList();
        return new
        {
            node = new
            {
                practices = new
                {
                    totalCount = total,
                    pageInfo = new
                    {
                        hasNextPage = rows.Count > 20,
                        endCursor = nodes.Count == 0 ? null : System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new object[] { nodes[^1].SharedAt, nodes[^1].Id })),
                    },
                    nodes = nodes.Select(p => new
                    {
                        id = GlobalId.Encode("SharedPractice", p.Id), title = p.Title, summary = p.Summary, dimensions = p.Dimensions, gradeLevels = p.GradeLevels,
                        sharedAt = p.SharedAt, sharedBy = new { school = new { name = p.School } },
                    }),
                },
            },
        };
    }
}
