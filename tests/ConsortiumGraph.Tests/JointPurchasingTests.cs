using System.Text;
using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Joint purchasing through the API, on SQLite and PostgreSQL: a round put out for quotes and awarded, members'
/// purchases one by one and from CSV (all or none), savings per member, partnership, consortium and contract
/// against figures computed here from the stored rows, and which members' staff read which lines.
/// </summary>
public abstract class JointPurchasingTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private static readonly string Northern = GlobalId.Encode("Consortium", 1), UpperValley = GlobalId.Encode("Consortium", 2);
    private const string Buses = "Regional Bus and Fuel Purchasing";
    private const string Riverside = "5000310", GreenMountain = "5000530", Kennebec = "2300150";

    private string Admin => server.TokenFor("consortium-admin", consortia: [Northern]);
    private string Staff(string district, string consortium = "") => server.TokenFor("district-staff", districts: [district], consortia: [consortium == "" ? Northern : consortium]);

    private async Task<JsonElement> Mutate(string field, string inputType, object input, string selection = "", string? token = null) =>
        (await server.QueryAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} {Errors} }} }}", new { input }, token ?? Admin)).GetProperty(field);

    private async Task<JsonElement> Node(string id, string selection, string? token = null) =>
        (await server.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ {selection} }} }}", new { id }, token ?? Admin)).GetProperty("node");

    /// <summary>A round on the bus partnership, opened by Riverside (its lead), with three quotes; returns the round and the quotes, cheapest first.</summary>
    private async Task<(string Round, string[] Quotes)> QuotedRound(string item)
    {
        var lead = Staff(Riverside);
        var vendors = new List<string>();
        foreach (var name in new[] { "A", "B", "C" })
        {
            var vendor = await Mutate("createVendor", "CreateVendorInput", new { consortiumId = Northern, name = $"{item} vendor {name}", contactEmail = "bids@vendor.example.com" }, "vendor { id }", lead);
            AssertOk(vendor);
            vendors.Add(vendor.GetProperty("vendor").GetProperty("id").GetString()!);
        }
        var opened = await Mutate("openPurchasingRound", "OpenPurchasingRoundInput", new
        {
            partnershipId = await server.PartnershipIdAsync(Buses), item, unit = "unit", estimatedQuantity = 24, quotesDueOn = "2026-10-15",
        }, "purchasingRound { id status }", lead);
        AssertOk(opened);
        var round = opened.GetProperty("purchasingRound").GetProperty("id").GetString()!;
        decimal[] prices = [1_250.00m, 1_199.99m, 1_310.50m];
        for (var i = 0; i < 3; i++)
            AssertOk(await Mutate("recordQuote", "RecordQuoteInput", new { roundId = round, vendorId = vendors[i], unitPrice = prices[i], receivedOn = "2026-09-30" }, "purchasingRound { id }", lead));
        var quotes = (await Node(round, "... on PurchasingRound { quotes { id unitPrice } }", lead)).GetProperty("quotes").EnumerateArray().ToList();
        Assert.Equal([1_199.99m, 1_250.00m, 1_310.50m], quotes.Select(q => q.GetProperty("unitPrice").GetDecimal()));
        return (round, [.. quotes.Select(q => q.GetProperty("id").GetString()!)]);
    }

    private async Task<string> AwardedContract(string item)
    {
        var (round, quotes) = await QuotedRound(item);
        var awarded = await Mutate("awardContract", "AwardContractInput", new { roundId = round, quoteId = quotes[0], startsOn = "2026-07-01", endsOn = "2027-06-30" },
            "purchasingRound { status contract { id unitPrice } }", Staff(Riverside));
        AssertOk(awarded);
        return awarded.GetProperty("purchasingRound").GetProperty("contract").GetProperty("id").GetString()!;
    }

    private object Purchase(string contract, string district, int quantity, decimal standalone, string? approval = null) => new
    {
        contractId = contract, districtId = district, quantity, purchasedOn = "2026-09-01", standaloneUnitPrice = standalone,
        standalonePriceSource = "QUOTE", standalonePriceNote = "Own quote", approvalReference = approval,
    };

    [DatabaseFact]
    public async Task A_round_is_quoted_and_awarded_once_to_a_quote_and_a_passed_over_lower_quote_needs_a_reason()
    {
        var (round, quotes) = await QuotedRound("Snow plow blade");
        var lead = Staff(Riverside);
        var award = new { roundId = round, quoteId = quotes[1], startsOn = "2026-07-01", endsOn = "2027-06-30" };
        AssertError(await Mutate("awardContract", "AwardContractInput", award, "purchasingRound { id }", lead), "RuleViolation", "REASON_REQUIRED", "input", "reason");
        // A member that is not the lead does not award; another consortium's admin does not find the round.
        AssertError(await Mutate("awardContract", "AwardContractInput", award, "purchasingRound { id }", Staff(GreenMountain)), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "roundId");
        AssertError(await Mutate("awardContract", "AwardContractInput", award, "purchasingRound { id }", server.TokenFor("consortium-admin", consortia: [UpperValley])),
            "ValidationError", "NOT_FOUND", "input", "roundId");
        var awarded = await Mutate("awardContract", "AwardContractInput", new { roundId = round, quoteId = quotes[1], startsOn = "2026-07-01", endsOn = "2027-06-30", reason = "Local service within 30 miles" },
            "purchasingRound { status contract { unitPrice vendor { name } startsOn endsOn reason } }", lead);
        AssertOk(awarded);
        Assert.Equal("AWARDED", awarded.GetProperty("purchasingRound").GetProperty("status").GetString());
        Assert.Equal(1_250.00m, awarded.GetProperty("purchasingRound").GetProperty("contract").GetProperty("unitPrice").GetDecimal());
        // 24 units at 1,250.00 is above Riverside's board threshold: its plugin advises, and does not block.
        Assert.Equal(["riverside:CONTRACT_RATIFIED"], WarningRules(awarded));
        AssertError(await Mutate("awardContract", "AwardContractInput", award with { }, "purchasingRound { id }", lead), "RuleViolation", "ROUND_NOT_OPEN", "input", "roundId");
        AssertError(await Mutate("recordQuote", "RecordQuoteInput", new { roundId = round, vendorId = GlobalId.Encode("Vendor", 1), unitPrice = 1m }, "purchasingRound { id }", lead),
            "RuleViolation", "ROUND_NOT_OPEN", "input", "roundId");
        // Funders see the contract price of what they fund, never the quotes.
        var (status, body) = await server.SendAsync($$"""{ node(id: "{{round}}") { ... on PurchasingRound { quotes { unitPrice } } } }""", token: await server.TokenAsync("funder-1"));
        Assert.Contains("NOT_AUTHORIZED", body);
        _ = status;
    }

    [DatabaseFact]
    public async Task Fifty_awards_at_once_make_one_contract_and_quotes_stay_within_the_rules()
    {
        var (round, quotes) = await QuotedRound("Wrestling mats");
        var lead = Staff(Riverside);
        // A vendor of another consortium's list, and a second quote from one vendor, are refused.
        var foreign = await Mutate("createVendor", "CreateVendorInput", new { consortiumId = UpperValley, name = $"Valley mats {Guid.NewGuid():N}" }, "vendor { id }",
            server.TokenFor("consortium-admin", consortia: [UpperValley]));
        AssertOk(foreign);
        var foreignVendor = foreign.GetProperty("vendor").GetProperty("id").GetString();
        // Riverside is in both consortia: with a credential for Northern only it does not see the other list at all; with both, the vendor is refused.
        AssertError(await Mutate("recordQuote", "RecordQuoteInput", new { roundId = round, vendorId = foreignVendor, unitPrice = 1m }, "purchasingRound { id }", lead),
            "ValidationError", "NOT_FOUND", "input", "vendorId");
        AssertError(await Mutate("recordQuote", "RecordQuoteInput", new { roundId = round, vendorId = foreignVendor, unitPrice = 1m }, "purchasingRound { id }",
            server.TokenFor("district-staff", districts: [Riverside], consortia: [Northern, UpperValley])), "RuleViolation", "VENDOR_NOT_IN_CONSORTIUM", "input", "vendorId");
        var vendor = (await Node(round, "... on PurchasingRound { quotes { vendor { id } } }", lead)).GetProperty("quotes")[0].GetProperty("vendor").GetProperty("id").GetString();
        AssertError(await Mutate("recordQuote", "RecordQuoteInput", new { roundId = round, vendorId = vendor, unitPrice = 1m }, "purchasingRound { id }", lead), "RuleViolation", "QUOTE_EXISTS", "input", "vendorId");
        AssertError(await Mutate("createVendor", "CreateVendorInput", new { consortiumId = Northern, name = "Anything" }, "vendor { id }", server.TokenFor("consortium-admin", consortia: [UpperValley])),
            "ValidationError", "NOT_FOUND", "input", "consortiumId");

        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, 50).Select(async _ =>
        {
            await start.WaitAsync();
            var payload = await Mutate("awardContract", "AwardContractInput", new { roundId = round, quoteId = quotes[0], startsOn = "2026-07-01", endsOn = "2027-06-30" }, "purchasingRound { id }", lead);
            return payload.GetProperty("errors").GetArrayLength() == 0 ? "OK" : payload.GetProperty("errors")[0].GetProperty("code").GetString()!;
        }).ToList();
        start.Release(50);
        var outcomes = await Task.WhenAll(writers);
        Assert.Equal(1, outcomes.Count(o => o == "OK"));
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Contains(o, new[] { "ROUND_NOT_OPEN", "CONFLICT" }));
        await using var db = server.OpenDatabase();
        GlobalId.TryDecode(round, "PurchasingRound", out var key);
        Assert.Equal(1, await db.Contracts.CountAsync(c => c.RoundId == key));
        // A purchase needs the source of its standalone price.
        var contract = GlobalId.Encode("Contract", await db.Contracts.Where(c => c.RoundId == key).Select(c => c.Id).SingleAsync());
        AssertError(await Mutate("recordPurchase", "RecordPurchaseInput", new
        {
            contractId = contract, districtId = await server.DistrictIdAsync(GreenMountain), quantity = 1, purchasedOn = "2026-09-01", standaloneUnitPrice = 1m, standalonePriceSource = "UNSTATED",
        }, "purchaseLine { id }", Staff(GreenMountain)), "ValidationError", "SOURCE_REQUIRED", "input", "standalonePriceSource");
    }

    [DatabaseFact]
    public async Task An_open_round_is_cancelled_with_a_reason_kept_with_its_quotes_and_takes_no_award()
    {
        var (round, quotes) = await QuotedRound("Gym floor refinishing");
        AssertError(await Mutate("cancelPurchasingRound", "CancelPurchasingRoundInput", new { roundId = round, reason = "No" }, "purchasingRound { id }", Staff(GreenMountain)),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "roundId");
        var cancelled = await Mutate("cancelPurchasingRound", "CancelPurchasingRoundInput", new { roundId = round, reason = "Every quote was above the budget." },
            "purchasingRound { status cancellationReason quotes { id } contract { id } }", Staff(Riverside));
        AssertOk(cancelled);
        Assert.Equal(("CANCELLED", "Every quote was above the budget.", 3), (cancelled.GetProperty("purchasingRound").GetProperty("status").GetString(),
            cancelled.GetProperty("purchasingRound").GetProperty("cancellationReason").GetString(), cancelled.GetProperty("purchasingRound").GetProperty("quotes").GetArrayLength()));
        AssertError(await Mutate("awardContract", "AwardContractInput", new { roundId = round, quoteId = quotes[0], startsOn = "2026-07-01", endsOn = "2027-06-30" }, "purchasingRound { id }", Staff(Riverside)),
            "RuleViolation", "ROUND_NOT_OPEN", "input", "roundId");
        await using var db = server.OpenDatabase();
        GlobalId.TryDecode(round, "PurchasingRound", out var key);
        var entry = await db.AuditEntries.SingleAsync(a => a.Operation == "cancelPurchasingRound" && a.EntityId == key);
        Assert.Equal((1, "Modified"), (entry.ConsortiumId ?? 0, entry.Action));
        Assert.Contains("Every quote was above the budget.", entry.Changes);
    }

    [DatabaseFact]
    public async Task Members_record_their_own_purchases_under_the_contract_price_and_their_district_rules()
    {
        var contract = await AwardedContract("Classroom projector");
        var green = await server.DistrictIdAsync(GreenMountain);
        var recorded = await Mutate("recordPurchase", "RecordPurchaseInput", Purchase(contract, green, 3, 1_305.25m), "purchaseLine { consortiumUnitPrice saved standalonePriceSource }", Staff(GreenMountain));
        AssertOk(recorded);
        // The price paid is the contract's, whatever the member would have paid: (1,305.25 - 1,199.99) x 3.
        Assert.Equal((1_199.99m, 315.78m), (recorded.GetProperty("purchaseLine").GetProperty("consortiumUnitPrice").GetDecimal(), recorded.GetProperty("purchaseLine").GetProperty("saved").GetDecimal()));
        AssertError(await Mutate("recordPurchase", "RecordPurchaseInput", Purchase(contract, await server.DistrictIdAsync(Kennebec), 1, 1_300m), "purchaseLine { id }", Staff(GreenMountain)),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "districtId");
        AssertError(await Mutate("recordPurchase", "RecordPurchaseInput", Purchase(contract, await server.DistrictIdAsync("3300710"), 1, 1_300m), "purchaseLine { id }"),
            "RuleViolation", "DISTRICT_MUST_BE_MEMBER", "input", "districtId");
        AssertError(await Mutate("recordPurchase", "RecordPurchaseInput", new
        {
            contractId = contract, districtId = green, quantity = 1, purchasedOn = "2026-06-30", standaloneUnitPrice = 1_300m, standalonePriceSource = "LIST_PRICE",
        }, "purchaseLine { id }", Staff(GreenMountain)), "RuleViolation", "OUTSIDE_CONTRACT_TERM", "input", "purchasedOn");
        AssertError(await Mutate("recordPurchase", "RecordPurchaseInput", Purchase(contract, green, 0, 1_300m), "purchaseLine { id }", Staff(GreenMountain)), "ValidationError", "OUT_OF_RANGE", "input", "quantity");
        // Riverside's board approves purchases above $25,000: 30 projectors need its reference.
        var riverside = await server.DistrictIdAsync(Riverside);
        AssertPluginViolation(await Mutate("recordPurchase", "RecordPurchaseInput", Purchase(contract, riverside, 30, 1_400m), "purchaseLine { id }", Staff(Riverside)),
            "riverside", "PURCHASE_APPROVAL_REQUIRED", "input", "approvalReference");
        AssertOk(await Mutate("recordPurchase", "RecordPurchaseInput", Purchase(contract, riverside, 30, 1_400m, approval: "Board minutes 2026-08-10 item 4"), "purchaseLine { id }", Staff(Riverside)));

        // Green Mountain's staff read their own lines and row; the totals are everyone's.
        var query = "... on Contract { savings savingsByMember { district { code } units paid standalone saved } purchases { totalCount nodes { district { code } } } }";
        var all = await Node(contract, query);
        var own = await Node(contract, query, Staff(GreenMountain));
        Assert.Equal(315.78m + 30 * (1_400m - 1_199.99m), all.GetProperty("savings").GetDecimal());
        Assert.Equal(all.GetProperty("savings").GetDecimal(), own.GetProperty("savings").GetDecimal());
        Assert.Equal(2, all.GetProperty("savingsByMember").GetArrayLength());
        Assert.Equal([GreenMountain], own.GetProperty("savingsByMember").EnumerateArray().Select(m => m.GetProperty("district").GetProperty("code").GetString()));
        Assert.Equal((1, GreenMountain), (own.GetProperty("purchases").GetProperty("totalCount").GetInt32(), own.GetProperty("purchases").GetProperty("nodes")[0].GetProperty("district").GetProperty("code").GetString()));
        // A Riverside credential for Upper Valley does not reach the Northern contract at all.
        Assert.Equal(JsonValueKind.Null, (await Node(contract, "id", Staff(Riverside, UpperValley))).ValueKind);
    }

    [DatabaseFact]
    public async Task A_csv_of_purchases_is_saved_all_or_none_with_each_bad_line_named()
    {
        var contract = await AwardedContract("Chromebook cart");
        using var client = server.CreateClient();
        const string header = "district_code,quantity,purchased_on,standalone_unit_price,standalone_price_source,standalone_price_note\n";
        async Task<JsonElement> Import(string csv, string? token = null)
        {
            var (_, body) = await MultipartPost.SendAsync(client, token ?? Admin,
                $"mutation($input: ImportPurchasesInput!) {{ importPurchases(input: $input) {{ contract {{ purchases {{ totalCount }} savings }} {Errors} }} }}",
                new { input = new { contractId = contract, file = (object?)null } }, [("variables.input.file", Encoding.UTF8.GetBytes(csv), "purchases.csv")]);
            return body.GetProperty("data").GetProperty("importPurchases");
        }
        string[] members = ["5000310", "5000530", "3300820", "2300150", "2300370", "5000420", "5000640", "2300480"];
        var good = header + string.Join("", members.Select((code, i) => $"{code},{i + 1},2026-08-{10 + i},{1_250 + i}.{i:00},{(i % 2 == 0 ? "QUOTE" : "LAST_YEAR_INVOICE")},\"Line {i}, as invoiced\"\n"));
        var bad = good + "3300710,1,2026-08-20,1300.00,QUOTE,\n" + "5000530,two,2026-08-20,1300.00,QUOTE,\n" + "5000530,1,2026-08-20,\"$1,300\",QUOTE,\n";

        var refused = await Import(bad);
        AssertError(refused, "RuleViolation", "DISTRICT_MUST_BE_MEMBER", "input", "file", "10", "district_code");
        AssertError(refused, "ValidationError", "INVALID_VALUE", "input", "file", "11", "quantity");
        AssertError(refused, "ValidationError", "INVALID_VALUE", "input", "file", "12", "standalone_unit_price");
        AssertError(await Import(header.Replace(",quantity", "") + "5000530,2026-08-20,1300,QUOTE,\n"), "ValidationError", "INVALID_FILE", "input", "file");
        AssertError(await Import(header), "ValidationError", "REQUIRED", "input", "file");
        var latin1 = Encoding.UTF8.GetBytes(header + "5000530,1,2026-08-20,1300.00,QUOTE,Caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        var (_, notUtf8) = await MultipartPost.SendAsync(client, Admin, $"mutation($input: ImportPurchasesInput!) {{ importPurchases(input: $input) {{ {Errors} }} }}",
            new { input = new { contractId = contract, file = (object?)null } }, [("variables.input.file", latin1, "purchases.csv")]);
        AssertError(notUtf8.GetProperty("data").GetProperty("importPurchases"), "ValidationError", "INVALID_FILE", "input", "file");
        // Nothing of the refused files was kept.
        Assert.Equal(0, (await Node(contract, "... on Contract { purchases { totalCount } }")).GetProperty("purchases").GetProperty("totalCount").GetInt32());
        // Another member's staff cannot import lines for the whole partnership.
        AssertError(await Import(good, Staff(GreenMountain)), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "file", "2", "districtId");

        var result = await Import(good);
        AssertOk(result);
        var expected = Enumerable.Range(0, 8).Sum(i => (1_250m + i + i / 100m - 1_199.99m) * (i + 1));
        Assert.Equal((8, expected), (result.GetProperty("contract").GetProperty("purchases").GetProperty("totalCount").GetInt32(), result.GetProperty("contract").GetProperty("savings").GetDecimal()));
        var stored = (await Node(contract, "... on Contract { purchases(first: 8) { nodes { district { code } quantity standaloneUnitPrice standalonePriceSource standalonePriceNote purchasedOn } } }"))
            .GetProperty("purchases").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(members, stored.Select(l => l.GetProperty("district").GetProperty("code").GetString()));
        Assert.Equal(("LAST_YEAR_INVOICE", "Line 1, as invoiced", 1_251.01m, "2026-08-11"), (stored[1].GetProperty("standalonePriceSource").GetString(), stored[1].GetProperty("standalonePriceNote").GetString(),
            stored[1].GetProperty("standaloneUnitPrice").GetDecimal(), stored[1].GetProperty("purchasedOn").GetString()));
        // Each imported line is in the consortium's trail, as a recorded purchase is.
        await using var db = server.OpenDatabase();
        GlobalId.TryDecode(contract, "Contract", out var contractKey);
        var imported = await db.PurchaseLines.Where(l => l.ContractId == contractKey).Select(l => l.Id).ToListAsync();
        var trail = await db.AuditEntries.Where(a => a.Operation == "importPurchases" && a.EntityType == "PurchaseLine" && imported.Contains(a.EntityId)).ToListAsync();
        Assert.Equal(8, trail.Count);
        Assert.All(trail, e => Assert.Equal((1, "Added"), (e.ConsortiumId ?? 0, e.Action)));
    }

    [DatabaseFact]
    public async Task The_demo_contract_and_the_partnerships_savings_match_the_stored_lines_to_the_cent()
    {
        await using var db = server.OpenDatabase();
        var lines = await db.PurchaseLines.Where(l => l.Partnership.Name == Buses).Select(l => new { l.District.Code, l.ContractId, l.Quantity, l.ConsortiumUnitPrice, l.StandaloneUnitPrice })
            .ToListAsync();
        decimal Saved(IEnumerable<dynamic> rows) => rows.Sum(l => ((decimal)l.StandaloneUnitPrice - (decimal)l.ConsortiumUnitPrice) * (int)l.Quantity);
        var contractId = lines.First(l => l.ContractId != null).ContractId!.Value;
        var demo = await Node(GlobalId.Encode("Contract", contractId), "... on Contract { savings vendor { name } round { quotes { unitPrice } } savingsByMember { district { code } saved } }");
        Assert.Equal(Saved(lines.Where(l => l.ContractId == contractId)), demo.GetProperty("savings").GetDecimal());
        Assert.Equal(8, demo.GetProperty("savingsByMember").GetArrayLength());
        Assert.Equal(3, demo.GetProperty("round").GetProperty("quotes").GetArrayLength());
        var partnership = await Node(await server.PartnershipIdAsync(Buses), "... on Partnership { impact { savings savingsByMember { district { code } saved } } }");
        Assert.Equal(Saved(lines), partnership.GetProperty("impact").GetProperty("savings").GetDecimal());
        foreach (var member in partnership.GetProperty("impact").GetProperty("savingsByMember").EnumerateArray())
        {
            var code = member.GetProperty("district").GetProperty("code").GetString();
            Assert.Equal(Saved(lines.Where(l => l.Code == code)), member.GetProperty("saved").GetDecimal());
        }
        // A member's staff: its own row beside the partnership's total.
        var own = await Node(await server.PartnershipIdAsync(Buses), "... on Partnership { impact { savings savingsByMember { district { code } } } purchases(first: 100) { nodes { district { code } } } }", Staff(Kennebec));
        Assert.Equal(Saved(lines), own.GetProperty("impact").GetProperty("savings").GetDecimal());
        Assert.Equal([Kennebec], own.GetProperty("impact").GetProperty("savingsByMember").EnumerateArray().Select(m => m.GetProperty("district").GetProperty("code").GetString()));
        Assert.All(own.GetProperty("purchases").GetProperty("nodes").EnumerateArray(), l => Assert.Equal(Kennebec, l.GetProperty("district").GetProperty("code").GetString()));
    }

    [DatabaseFact]
    public async Task Purchases_export_as_csv_page_by_page_with_formulas_disarmed_and_members_lines_kept_to_their_staff()
    {
        var contract = await AwardedContract("Copier toner");
        using var client = server.CreateClient();
        var csv = new StringBuilder("district_code,quantity,purchased_on,standalone_unit_price,standalone_price_source,standalone_price_note\n");
        for (var i = 0; i < 130; i++)
            csv.Append(i % 2 == 0 ? "5000530" : "2300150").Append($",{i + 1},2026-08-{1 + i % 28:00},1300.00,QUOTE,").Append(i == 7 ? "\"=HYPERLINK(\"\"http://evil.example\"\")\"" : "Own quote").Append('\n');
        var (_, body) = await MultipartPost.SendAsync(client, Admin, $"mutation($input: ImportPurchasesInput!) {{ importPurchases(input: $input) {{ {Errors} }} }}",
            new { input = new { contractId = contract, file = (object?)null } }, [("variables.input.file", Encoding.UTF8.GetBytes(csv.ToString()), "toner.csv")]);
        AssertOk(body.GetProperty("data").GetProperty("importPurchases"));
        var partnership = await server.PartnershipIdAsync(Buses);
        var total = (await Node(partnership, "... on Partnership { purchases { totalCount } }")).GetProperty("purchases").GetProperty("totalCount").GetInt32();
        Assert.True(total > 130);

        async Task<string[]> Export(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/reports/purchases.csv?partnershipId={Uri.EscapeDataString(partnership)}");
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            return (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }
        // More than one page of 100, each line once; the header once.
        var all = await Export(Admin);
        Assert.Equal(total + 1, all.Length);
        Assert.StartsWith("purchased_on,district_code,", all[0]);
        Assert.Single(all, l => l.StartsWith("purchased_on", StringComparison.Ordinal));
        Assert.Contains(all, l => l.Contains("\"'=HYPERLINK(", StringComparison.Ordinal));
        Assert.DoesNotContain(all, l => l.Contains(",=HYPERLINK", StringComparison.Ordinal));
        // A member's staff export their own lines only.
        var own = await Export(Staff(Kennebec));
        Assert.True(own.Length > 65);
        Assert.All(own.Skip(1), l => Assert.Equal(Kennebec, l.Split(',')[1]));
        using var anonymous = await client.GetAsync($"/reports/purchases.csv?partnershipId={Uri.EscapeDataString(partnership)}");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [DatabaseFact]
    public async Task Fifty_members_recording_purchases_at_once_all_count_exactly()
    {
        var contract = await AwardedContract("Fire extinguisher");
        var green = await server.DistrictIdAsync(GreenMountain);
        var token = Staff(GreenMountain);
        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            return await Mutate("recordPurchase", "RecordPurchaseInput", Purchase(contract, green, i + 1, 1_200.33m), "purchaseLine { id }", token);
        }).ToList();
        start.Release(50);
        Assert.All(await Task.WhenAll(writers), AssertOk);
        // 1 + 2 + ... + 50 = 1,275 units, each 0.34 below the standalone price.
        var figures = await Node(contract, "... on Contract { savings purchases { totalCount } savingsByMember { units } }");
        Assert.Equal(433.50m, figures.GetProperty("savings").GetDecimal());
        Assert.Equal(50, figures.GetProperty("purchases").GetProperty("totalCount").GetInt32());
        Assert.Equal(1_275, figures.GetProperty("savingsByMember")[0].GetProperty("units").GetInt64());
    }
}

public sealed class SqliteJointPurchasingTests(SqliteServer server) : JointPurchasingTests<SqliteServer>(server);

public sealed class PostgreSqlJointPurchasingTests(PostgreSqlServer server) : JointPurchasingTests<PostgreSqlServer>(server), IPostgreSqlSuite;
