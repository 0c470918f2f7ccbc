using System.Text.Json;
using ConsortiumGraph.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit.Abstractions;

namespace ConsortiumGraph.Tests;

/// <summary>Reading the graph: paging edges, filters and orders in SQL, nodes, calendars, batching.</summary>
public abstract class QueryTests<TServer>(TServer server, ITestOutputHelper output) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private const string DistrictPage = """
        query($first: Int, $after: String, $last: Int, $before: String, $where: DistrictFilter, $order: [DistrictOrder!]) {
          districts(first: $first, after: $after, last: $last, before: $before, where: $where, order: $order) {
            totalCount
            edges { cursor node { name enrollment state } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    private async Task<JsonElement> Districts(object variables) => (await server.QueryAsync(DistrictPage, variables)).GetProperty("districts");

    private static List<string> Names(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("name").GetString()!).ToList();

    private static string ErrorCode(JsonElement response) =>
        response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [DatabaseFact]
    public async Task Paging_forward_visits_every_district_once_in_order()
    {
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await Districts(new { first = 5, after });
            seen.AddRange(Names(page));
            pages++;
            Assert.Equal(Demo.Districts, page.GetProperty("totalCount").GetInt32());
            Assert.Equal(after is not null, page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()) break;
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        Assert.Equal(3, pages);
        Assert.Equal(Demo.Districts, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal).ToList(), seen);
    }

    [DatabaseFact]
    public async Task Paging_backward_with_last_and_before_mirrors_paging_forward()
    {
        var all = Names(await Districts(new { first = Demo.Districts }));
        var last = await Districts(new { last = 5 });
        Assert.Equal(all[^5..], Names(last));
        Assert.True(last.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.False(last.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var before = await Districts(new { last = 5, before = last.GetProperty("pageInfo").GetProperty("startCursor").GetString() });
        Assert.Equal(all[^10..^5], Names(before));
        var first = await Districts(new { last = 5, before = before.GetProperty("pageInfo").GetProperty("startCursor").GetString() });
        Assert.Equal(all[..^10], Names(first));
        Assert.False(first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [DatabaseFact]
    public async Task An_empty_page_has_no_cursors_and_no_more_pages()
    {
        var page = await Districts(new { first = 10, where = new { state = new[] { "ZZ" } } });
        Assert.Empty(Names(page));
        Assert.Equal(0, page.GetProperty("totalCount").GetInt32());
        var info = page.GetProperty("pageInfo");
        Assert.False(info.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, info.GetProperty("startCursor").ValueKind);
        Assert.Equal(JsonValueKind.Null, info.GetProperty("endCursor").ValueKind);
    }

    [DatabaseFact]
    public async Task Bad_paging_arguments_are_errors_with_codes()
    {
        Assert.Equal("PAGE_SIZE_EXCEEDED", ErrorCode(await server.PostAsync(DistrictPage, new { first = 101 })));
        Assert.Equal("INVALID_PAGINATION", ErrorCode(await server.PostAsync(DistrictPage, new { first = 2, last = 2 })));
        Assert.Equal("INVALID_PAGINATION", ErrorCode(await server.PostAsync(DistrictPage, new { first = -1 })));
        Assert.Equal("INVALID_CURSOR", ErrorCode(await server.PostAsync(DistrictPage, new { first = 2, after = "bm90IGEgY3Vyc29y" })));
        Assert.Equal("INVALID_CURSOR", ErrorCode(await server.PostAsync(DistrictPage, new { first = 2, after = "%%%" })));
    }

    [DatabaseFact]
    public async Task Filters_combine_and_match_case_insensitively()
    {
        Assert.Equal(["Green Mountain Union School District", "Northeast Kingdom Charter School", "Riverside Valley Unified School District"],
            Names(await Districts(new { first = 20, where = new { state = new[] { "VT" }, locale = new[] { "RURAL" } } })));
        Assert.Equal(["Connecticut River Valley School District", "Riverside Valley Unified School District", "Upper Connecticut Valley Career and Technical Center"],
            Names(await Districts(new { first = 20, where = new { nameContains = "VALLEY" } })));
        Assert.Equal(["Casco Shore School Department", "Granite Falls School District", "Lakeport City Schools"],
            Names(await Districts(new { first = 20, where = new { enrollmentAtLeast = 3000 } })));
        Assert.Equal(["Casco Shore School Department", "Lakeport City Schools"],
            Names(await Districts(new { first = 20, where = new { enrollmentAtLeast = 3000, enrollmentAtMost = 5000 } })));
    }

    [DatabaseFact]
    public async Task Ordered_pages_follow_the_order_across_cursors()
    {
        var enrollments = new List<int>();
        string? after = null;
        do
        {
            var page = await Districts(new { first = 4, after, order = new[] { new { field = "ENROLLMENT", direction = "DESC" } } });
            enrollments.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("enrollment").GetInt32()));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        } while (after is not null);
        Assert.Equal(Demo.Districts, enrollments.Count);
        Assert.Equal(enrollments.OrderDescending().ToList(), enrollments);
    }

    [DatabaseFact]
    public async Task Nullable_sort_keys_page_with_missing_values_last()
    {
        const string query = """
            query($after: String) {
              commitments(first: 7, after: $after, order: [{ field: DUE_ON, direction: ASC }]) {
                totalCount edges { node { id dueOn } } pageInfo { hasNextPage endCursor }
              }
            }
            """;
        var ids = new List<string>();
        var dues = new List<string?>();
        string? after = null;
        int total;
        do
        {
            var page = (await server.QueryAsync(query, new { after })).GetProperty("commitments");
            total = page.GetProperty("totalCount").GetInt32();
            foreach (var edge in page.GetProperty("edges").EnumerateArray())
            {
                ids.Add(edge.GetProperty("node").GetProperty("id").GetString()!);
                dues.Add(edge.GetProperty("node").GetProperty("dueOn").GetString());
            }
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        } while (after is not null);

        Assert.True(total >= 60, $"the demo data has at least 60 commitments, found {total}");
        Assert.Equal(total, ids.Distinct().Count());
        var withDate = dues.TakeWhile(d => d is not null).ToList();
        Assert.Contains(null, dues);
        Assert.All(dues.Skip(withDate.Count), d => Assert.Null(d));
        Assert.Equal(withDate.Order(StringComparer.Ordinal).ToList(), withDate);
    }

    [DatabaseFact]
    public async Task Nodes_resolve_by_global_id_and_unknown_ids_are_null()
    {
        var district = (await server.QueryAsync("""{ district(code: "3300710") { id name } }""")).GetProperty("district");
        var id = district.GetProperty("id").GetString();
        var data = await server.QueryAsync("""
            query($id: ID!, $ids: [ID!]!) { node(id: $id) { id ... on District { name } } nodes(ids: $ids) { id } }
            """, new { id, ids = new[] { id, "bm9wZQ", "RGlzdHJpY3Q6OTk5OTk" } });
        Assert.Equal("Granite Falls School District", data.GetProperty("node").GetProperty("name").GetString());
        var nodes = data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(id, nodes[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, nodes[2].ValueKind);
    }

    [DatabaseFact]
    public async Task Common_days_agree_with_every_district_calendar()
    {
        var data = await server.QueryAsync("""
            { a: district(code: "5000310") { id calendar(from: "2026-01-01", to: "2026-03-31") { date inSession } }
              b: district(code: "3300710") { id calendar(from: "2026-01-01", to: "2026-03-31") { date inSession } } }
            """);
        var a = data.GetProperty("a");
        var b = data.GetProperty("b");
        Dictionary<string, bool> Days(JsonElement d) => d.GetProperty("calendar").EnumerateArray()
            .ToDictionary(x => x.GetProperty("date").GetString()!, x => x.GetProperty("inSession").GetBoolean());
        var (daysA, daysB) = (Days(a), Days(b));
        Assert.Equal(90, daysA.Count);

        foreach (var inSession in new[] { true, false })
        {
            var common = (await server.QueryAsync("""
                query($ids: [ID!]!, $inSession: Boolean!) { commonDays(districtIds: $ids, from: "2026-01-01", to: "2026-03-31", inSession: $inSession) }
                """, new { ids = new[] { a.GetProperty("id").GetString(), b.GetProperty("id").GetString() }, inSession }))
                .GetProperty("commonDays").EnumerateArray().Select(d => d.GetString()!).ToList();
            var expected = daysA.Keys.Where(d => daysA[d] == inSession && daysB.TryGetValue(d, out var s) && s == inSession).Order().ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, common);
        }
    }

    [DatabaseFact]
    public async Task Calendar_questions_with_bad_arguments_are_errors_with_codes()
    {
        const string common = "query($ids: [ID!]!, $from: Date!, $to: Date!) { commonDays(districtIds: $ids, from: $from, to: $to, inSession: true) }";
        var riverside = (await server.QueryAsync("""{ district(code: "5000310") { id } }""")).GetProperty("district").GetProperty("id").GetString();
        Assert.Equal("INVALID_ID", ErrorCode(await server.PostAsync(common, new { ids = new[] { riverside, "bm9wZQ" }, from = "2026-01-01", to = "2026-01-31" })));
        Assert.Equal("REQUIRED", ErrorCode(await server.PostAsync(common, new { ids = Array.Empty<string>(), from = "2026-01-01", to = "2026-01-31" })));
        Assert.Equal("INVALID_RANGE", ErrorCode(await server.PostAsync(common, new { ids = new[] { riverside }, from = "2026-02-01", to = "2026-01-01" })));
        Assert.Equal("INVALID_RANGE", ErrorCode(await server.PostAsync("""{ district(code: "5000310") { calendar(from: "2020-01-01", to: "2026-01-01") { date } } }""")));
        var tooMany = Enumerable.Repeat(riverside, 101).ToArray();
        // Refused in validation, before anything runs: a request error, HTTP 400.
        var (status, body) = await server.SendAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = tooMany });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Equal("TOO_MANY_ITEMS", ErrorCode(JsonDocument.Parse(body).RootElement));
    }

    // Both providers must answer with the same bytes, so both suites match one snapshot file.
    [DatabaseFact]
    public async Task Snapshot_partnership_detail_page()
    {
        var name = Snapshot.FullName(new SnapshotNameExtension("partnership-detail"));
        var data = await server.QueryAsync("""
            {
              partnerships(first: 1, where: { kind: [GRANT_PROJECT], status: [ACTIVE] }) {
                nodes {
                  name kind status sharedGoal startsOn endsOn
                  consortium { name }
                  members { role joinedOn district { code name state locale enrollment } }
                  fiscalAgent { name }
                  agreement { version title effectiveOn fullySigned signatures { signedBy signedAt district { code } } }
                  decisionRights { area rule }
                  decisions(first: 5) { totalCount nodes { area title rule status deadline votes { choice castAt comment district { code } } } }
                  grants { amount startsOn endsOn funder { name } fiscalAgent { code } }
                  commitments(first: 4, order: [{ field: DUE_ON, direction: ASC }]) {
                    totalCount
                    nodes { title status dueOn dollars staffFte studentSeats district { code } school { name } progress { reportedAt status percentComplete note } }
                  }
                }
              }
            }
            """);
        Snapshot.Match(JToken.Parse(data.GetRawText()), name);
    }

    [DatabaseFact]
    public async Task Snapshot_error_response_for_an_oversized_page()
    {
        var name = Snapshot.FullName(new SnapshotNameExtension("page-size-error"));
        var response = await server.PostAsync("{ districts(first: 500) { totalCount } }");
        Snapshot.Match(JToken.Parse(response.GetRawText()), name);
    }

    [DatabaseFact]
    public async Task A_nested_totalCount_counts_under_an_alias_and_in_a_fragment_too()
    {
        var data = await server.QueryAsync("""
            { consortia { partnerships(first: 20) { nodes {
                plain: commitments(first: 1) { totalCount }
                aliased: commitments(first: 1) { all: totalCount }
                fragment: commitments(first: 1) { ...Counted }
                paged: commitments(first: 2) { nodes { title } }
                listed: commitments(first: 100) { nodes { title } } } } } }
            fragment Counted on CommitmentConnection { totalCount }
            """);
        var partnerships = data.GetProperty("consortia").EnumerateArray().SelectMany(c => c.GetProperty("partnerships").GetProperty("nodes").EnumerateArray()).ToList();
        Assert.Contains(partnerships, p => p.GetProperty("listed").GetProperty("nodes").GetArrayLength() > 1);
        foreach (var p in partnerships)
        {
            var count = p.GetProperty("listed").GetProperty("nodes").GetArrayLength();
            Assert.Equal(count, p.GetProperty("plain").GetProperty("totalCount").GetInt32());
            Assert.Equal(count, p.GetProperty("aliased").GetProperty("all").GetInt32());
            Assert.Equal(count, p.GetProperty("fragment").GetProperty("totalCount").GetInt32());
        }
    }

    [DatabaseFact]
    public async Task Nested_lists_cost_the_same_statements_for_few_rows_or_many()
    {
        const string query = """
            query($partnerships: Int!, $commitments: Int!) {
              consortia {
                name
                partnerships(first: $partnerships) {
                  totalCount
                  nodes {
                    name members { role roles leftOn district { name } } fiscalAgent { name } agreement { version fullySigned status signatures { district { name } } }
                    agreementInForce { version expiresOn } agreements { version status }
                    commitments(first: $commitments) { totalCount nodes { title progress { status } district { name consortia { name } } school { name } } }
                    decisions(first: 5) { nodes { title status proposedBy { name } proposedDecisionRights { area } votes { choice district { name } } } }
                  }
                }
              }
            }
            """;
        async Task<(long Statements, int Commitments)> Run(int partnerships, int commitments)
        {
            var before = server.Statements;
            var data = await server.QueryAsync(query, new { partnerships, commitments });
            var rows = data.GetProperty("consortia").EnumerateArray()
                .SelectMany(c => c.GetProperty("partnerships").GetProperty("nodes").EnumerateArray())
                .Sum(p => p.GetProperty("commitments").GetProperty("nodes").GetArrayLength());
            return (server.Statements - before, rows);
        }
        await Run(1, 1); // the fixture's first request also reads what later ones find cached: not a cost of rows
        var small = await Run(1, 1);
        var large = await Run(20, 50);
        output.WriteLine($"{server.Provider}: {small.Commitments} commitment rows in {small.Statements} SQL statements; {large.Commitments} rows in {large.Statements} statements.");
        Assert.True(large.Commitments >= 60 && small.Commitments <= 2, $"rows: {small.Commitments} vs {large.Commitments}");
        Assert.Equal(small.Statements, large.Statements);
    }
    [DatabaseFact]
    public async Task Money_lists_cost_the_same_statements_for_few_rows_or_many()
    {
        // In three documents, each within the complexity limit: grants' books, purchasing, and cost sharing. A reference that
        // is null on the small pages (an expenditure's district, a purchase's contract) is left out: reading it costs a
        // statement whenever it is set, which is a matter of shape, not of how many rows.
        string[] queries =
        [
            """
            query($partnerships: Int!, $rows: Int!) { partnerships(first: $partnerships) { nodes {
              grants {
                amount awardNumber budget { amount district { name } } budgetRevisions { total lines { amount } } drawdowns { amount } amendments { number } reports { status }
                expenditures(first: $rows) { totalCount nodes { amount category fundedBy } }
                financials(asOf: "2026-10-01") { spent byCategory { spent } byMember { district { name } spent } burnRate { pace } }
              }
            } } }
            """,
            """
            query($partnerships: Int!, $rows: Int!) { partnerships(first: $partnerships) { nodes {
              purchasingRounds { item quotes { unitPrice vendor { name } } contract { unitPrice vendor { name } savings savingsByMember { district { name } saved } purchases(first: $rows) { nodes { quantity } } } }
              purchases(first: $rows) { totalCount nodes { saved quantity district { name } } }
              impact { savings savingsByMember { district { name } saved } }
            } } }
            """,
            """
            query($partnerships: Int!, $rows: Int!) {
              partnerships(first: $partnerships) { nodes {
                sharedPositions { annualCost shares { district { name } basis } }
                courseEnrollments { students district { name } }
                invoices(first: $rows) { totalCount nodes { amount lines { amount } payments { amount } creditor { name } debtor { name } } }
                promisedAndDelivered { district { name } invoiced sharedFte }
              } }
              districts(first: $rows) { nodes { balances { net counterparty { name } } } }
              owed: district(code: "3300820") { balances { net counterparty { name } } }
            }
            """,
        ];
        static int Count(JsonElement element, params string[] lists) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Sum(p => lists.Contains(p.Name) && p.Value.TryGetProperty("nodes", out var nodes)
                ? nodes.GetArrayLength() + Count(nodes, lists) : Count(p.Value, lists)),
            JsonValueKind.Array => element.EnumerateArray().Sum(e => Count(e, lists)),
            _ => 0,
        };
        async Task<(string Statements, int Rows)> Run(int partnerships, int rows)
        {
            var (statements, count) = (new List<long>(), 0);
            foreach (var query in queries)
            {
                var before = server.Statements;
                count += Count(await server.QueryAsync(query, new { partnerships, rows }), "expenditures", "purchases", "invoices");
                statements.Add(server.Statements - before);
            }
            return (string.Join(" + ", statements), count);
        }
        // The first seven partnerships by name hold a grant project, a purchasing round and a shared position: every list has a row.
        await Run(7, 1);
        var small = await Run(7, 1);
        var large = await Run(20, 50);
        output.WriteLine($"{server.Provider}: {small.Rows} money rows in {small.Statements} SQL statements; {large.Rows} rows in {large.Statements} statements.");
        Assert.True(large.Rows >= 100 && small.Rows <= 10, $"rows: {small.Rows} vs {large.Rows}");
        Assert.Equal(small.Statements, large.Statements);
    }
}

public sealed class SqliteQueryTests(SqliteServer server, ITestOutputHelper output) : QueryTests<SqliteServer>(server, output);

public sealed class PostgreSqlQueryTests(PostgreSqlServer server, ITestOutputHelper output) : QueryTests<PostgreSqlServer>(server, output), IPostgreSqlSuite;
