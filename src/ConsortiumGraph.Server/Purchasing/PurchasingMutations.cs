using System.Globalization;
using System.Text;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.PluginHost;
using CsvHelper;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Purchasing;

/// <summary>
/// Joint purchasing: a partnership's lead puts a purchase out for quotes and awards it to one (the contract);
/// members record what they bought under it, one by one or from a CSV file. A round's quotes and award
/// serialize on its revision, so it is awarded once; purchases are independent rows.
/// </summary>
public static class PurchasingMutations
{
    public const int MaxImportLines = 10_000;

    public static void AddPurchasingMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateVendorInput, VendorType, Vendor>("createVendor",
            "Adds a supplier to a consortium's list. Its admins, or staff of its member districts.", CreateVendorAsync);
        mutation.Mutation<OpenPurchasingRoundInput, PurchasingRoundType, PurchasingRound>("openPurchasingRound",
            "Puts a joint purchase out for quotes. The partnership's lead district, or its consortium's admins.", OpenRoundAsync);
        mutation.Mutation<RecordQuoteInput, PurchasingRoundType, PurchasingRound>("recordQuote",
            "Records a vendor's quote on an open round. The partnership's lead district, or its consortium's admins.", RecordQuoteAsync);
        mutation.Mutation<AwardContractInput, PurchasingRoundType, PurchasingRound>("awardContract",
            "Awards an open round to one of its quotes: the contract members buy under, checked against every member's district rules.", AwardAsync);
        mutation.Mutation<CancelPurchasingRoundInput, PurchasingRoundType, PurchasingRound>("cancelPurchasingRound",
            "Cancels an open round without an award; its quotes are kept. The partnership's lead district, or its consortium's admins.", CancelAsync);
        mutation.Mutation<RecordPurchaseInput, PurchaseLineType, PurchaseLine>("recordPurchase",
            "Records what a member bought under a contract and what it would have paid alone. Its staff, or its consortium's admins.", RecordPurchaseAsync);
        mutation.Mutation<ImportPurchasesInput, ContractType, Contract>("importPurchases",
            $"Records members' purchases under a contract from a CSV file (at most {MaxImportLines:N0} lines), all or none.", ImportAsync);
    }

    private static async Task<Vendor?> CreateVendorAsync(MutationContext<CreateVendorInput> m)
    {
        var input = m.Input;
        var consortium = await m.Find<Consortia.Consortium>(input.ConsortiumId, "Consortium", "consortiumId");
        var name = m.Text(input.Name, "name", 200);
        var (email, website) = (m.Email(input.ContactEmail), m.Website(input.Website));
        // Another consortium is not found: the row filter keeps callers to their own consortia's lists.
        if (consortium is null || name is null || m.Failed) return null;
        if (await m.Db.Vendors.AnyAsync(v => v.ConsortiumId == consortium.Id && v.Name == name, m.Field.CancellationToken))
            m.Invalid("DUPLICATE_NAME", $"{consortium.Name} has a vendor named {name} already.", "name");
        if (m.Failed) return null;
        var vendor = new Vendor { ConsortiumId = consortium.Id, Name = name, ContactEmail = email, Website = website };
        m.Db.Vendors.Add(vendor);
        return vendor;
    }

    private static async Task<PurchasingRound?> OpenRoundAsync(MutationContext<OpenPurchasingRoundInput> m)
    {
        var input = m.Input;
        var item = m.Text(input.Item, "item", 200);
        var unit = m.Text(input.Unit, "unit", 50);
        var specification = m.Text(input.Specification, "specification", 4000, required: false);
        if (input.EstimatedQuantity is < 1 or > 1_000_000_000) m.Invalid("OUT_OF_RANGE", "`estimatedQuantity` must be between 1 and 1,000,000,000.", "estimatedQuantity");
        if (input.QuotesDueOn < m.Today) m.Invalid("DEADLINE_IN_PAST", "`quotesDueOn` is in the past.", "quotesDueOn");
        var partnership = await m.AsLeadAsync(input.PartnershipId, "partnershipId");
        if (partnership is null || item is null || unit is null || m.Failed) return null;
        m.RequireOpen(partnership, "partnershipId", "it buys nothing more");
        if (m.Failed) return null;
        var round = new PurchasingRound
        {
            PartnershipId = partnership.Id, Item = item, Unit = unit, Specification = specification, EstimatedQuantity = input.EstimatedQuantity,
            QuotesDueOn = input.QuotesDueOn, Status = PurchasingRoundStatus.Open, OpenedAt = m.Now,
        };
        m.Db.PurchasingRounds.Add(round);
        return round;
    }

    /// <summary>An OPEN round the caller leads (or administers), with its partnership's members.</summary>
    private static async Task<PurchasingRound?> OpenRoundAsync<TInput>(MutationContext<TInput> m, string roundId)
    {
        var round = await m.Find<PurchasingRound>(roundId, "PurchasingRound", "roundId", q => q.Include(r => r.Quotes));
        if (round is null) return null;
        if (await m.AsLeadAsync(GlobalId.Encode("Partnership", round.PartnershipId), "roundId") is not { } partnership) return null;
        round.Partnership = partnership;
        if (round.Status != PurchasingRoundStatus.Open)
            m.Violates("ROUND_NOT_OPEN", $"The round for {round.Item} is {round.Status.ToString().ToUpperInvariant()}; it takes no more quotes or awards.", "roundId");
        return m.Failed ? null : round;
    }

    private static async Task<PurchasingRound?> RecordQuoteAsync(MutationContext<RecordQuoteInput> m)
    {
        var input = m.Input;
        m.Amount(input.UnitPrice, "unitPrice", exclusive: true);
        var receivedOn = input.ReceivedOn ?? m.Today;
        m.NotInFuture(receivedOn, "receivedOn");
        if (input.ValidUntil < receivedOn) m.Invalid("INVALID_RANGE", "`validUntil` is before the quote arrived.", "validUntil");
        var terms = m.Text(input.Terms, "terms", 2000, required: false);
        var vendor = await m.Find<Vendor>(input.VendorId, "Vendor", "vendorId");
        if (vendor is null || m.Failed) return null;
        var round = await OpenRoundAsync(m, input.RoundId);
        if (round is null) return null;
        if (vendor.ConsortiumId != round.Partnership.ConsortiumId)
            m.Violates("VENDOR_NOT_IN_CONSORTIUM", $"{vendor.Name} is on another consortium's list; add it to this consortium's with createVendor.", "vendorId");
        else if (round.Quotes.Any(q => q.VendorId == vendor.Id))
            m.Violates("QUOTE_EXISTS", $"{vendor.Name} has quoted on this round already; one quote per vendor.", "vendorId");
        if (m.Failed) return null;
        round.Quotes.Add(new Quote { VendorId = vendor.Id, UnitPrice = input.UnitPrice, ReceivedOn = receivedOn, ValidUntil = input.ValidUntil, Terms = terms });
        m.Revise(round, input.ExpectedRevision);
        return round;
    }

    private static async Task<PurchasingRound?> AwardAsync(MutationContext<AwardContractInput> m)
    {
        var input = m.Input;
        var reason = m.Text(input.Reason, "reason", 2000, required: false);
        if (input.EndsOn < input.StartsOn) m.Invalid("INVALID_RANGE", "`endsOn` is before `startsOn`.", "endsOn");
        var quoteId = m.Id(input.QuoteId, "Quote", "quoteId");
        if (m.Failed) return null;
        var round = await OpenRoundAsync(m, input.RoundId);
        if (round is null) return null;
        var quote = round.Quotes.FirstOrDefault(q => q.Id == quoteId);
        if (quote is null)
        {
            m.Invalid("NOT_FOUND", "The quote is not one of this round's.", "quoteId");
            return null;
        }
        var lowest = round.Quotes.Min(q => q.UnitPrice);
        if (quote.UnitPrice > lowest && reason is null)
            m.Violates("REASON_REQUIRED", $"A lower quote ({lowest:N2} a {round.Unit}) is passed over; say why in `reason`.", "reason");
        if (m.Failed) return null;

        var vendor = await m.Db.Vendors.AsNoTracking().FirstAsync(v => v.Id == quote.VendorId, m.Field.CancellationToken);
        Task<Plugins.PartnershipView>? partnershipView = null;
        // Every member buys under the contract: each member's own rules (a board's approval threshold) see it.
        foreach (var member in round.Partnership.Members.Where(x => x.IsCurrentOn(m.Today)))
            await m.CheckLocalRulesAsync(member.District.Code, async _ => new Plugins.ProposedContractAward
            {
                DistrictCode = member.District.Code, Partnership = await (partnershipView ??= m.PartnershipViewAsync(round.PartnershipId)),
                Item = round.Item, Unit = round.Unit, Vendor = vendor.Name, UnitPrice = quote.UnitPrice, EstimatedQuantity = round.EstimatedQuantity,
                StartsOn = input.StartsOn, EndsOn = input.EndsOn,
            });
        if (m.Failed) return null;

        round.Contract = new Contract
        {
            QuoteId = quote.Id, VendorId = quote.VendorId, UnitPrice = quote.UnitPrice, StartsOn = input.StartsOn, EndsOn = input.EndsOn, AwardedOn = m.Today, Reason = reason,
        };
        round.Status = PurchasingRoundStatus.Awarded;
        m.Revise(round, input.ExpectedRevision);
        return round;
    }

    private static async Task<PurchasingRound?> CancelAsync(MutationContext<CancelPurchasingRoundInput> m)
    {
        var reason = m.Text(m.Input.Reason, "reason", 2000);
        var round = await OpenRoundAsync(m, m.Input.RoundId);
        if (round is null || reason is null) return null;
        (round.Status, round.CancellationReason) = (PurchasingRoundStatus.Cancelled, reason);
        m.Revise(round, m.Input.ExpectedRevision);
        return round;
    }

    /// <summary>A contract with its round and partnership's members; NOT_FOUND when the caller cannot read it.</summary>
    private static Task<Contract?> ContractAsync<TInput>(MutationContext<TInput> m, string contractId) =>
        m.Find<Contract>(contractId, "Contract", "contractId", q => q.Include(c => c.Round).ThenInclude(r => r.Partnership).ThenInclude(p => p.Members).ThenInclude(x => x.District));

    /// <summary>One purchase as recordPurchase and every import line check it; the line, or null with errors recorded on <paramref name="at"/>.</summary>
    private static async Task<PurchaseLine?> PurchaseAsync<TInput>(MutationContext<TInput> m, Contract contract, Func<Task<Plugins.PartnershipView>> partnershipView, District district, int quantity,
        DateOnly purchasedOn, decimal standalone, StandalonePriceSource source, string? note, string? approval, Func<string, string> at)
    {
        var failed = m.Errors.Count;
        if (quantity is < 1 or > 1_000_000_000) m.Invalid("OUT_OF_RANGE", "`quantity` must be between 1 and 1,000,000,000 whole units.", at("quantity"));
        m.Amount(standalone, at("standaloneUnitPrice"));
        m.NotInFuture(purchasedOn, at("purchasedOn"));
        if (source == StandalonePriceSource.Unstated)
            m.Invalid("SOURCE_REQUIRED", "Say where the standalone price comes from: QUOTE, LAST_YEAR_INVOICE or LIST_PRICE.", at("standalonePriceSource"));
        note = m.Text(note, at("standalonePriceNote"), 400, required: false);
        approval = m.Text(approval, at("approvalReference"), 200, required: false);
        if (!m.ActingFor(district.Id, district.Name, at("districtId"))) return null;
        var partnership = contract.Round.Partnership;
        m.RequireMember(partnership, district, "buy under its contracts", PartnershipRules.MemberRequired);
        if (purchasedOn < contract.StartsOn || purchasedOn > contract.EndsOn)
            m.Violates("OUTSIDE_CONTRACT_TERM", $"The contract runs {contract.StartsOn:yyyy-MM-dd} to {contract.EndsOn:yyyy-MM-dd}; a purchase outside it is not at its price.", at("purchasedOn"));
        if (m.Errors.Count > failed) return null;
        await m.CheckLocalRulesAsync(district.Code, async _ => new Plugins.ProposedPurchase
        {
            DistrictCode = district.Code, Partnership = await partnershipView(), Item = contract.Round.Item, Unit = contract.Round.Unit,
            Quantity = quantity, ContractUnitPrice = contract.UnitPrice, StandaloneUnitPrice = standalone, PurchasedOn = purchasedOn, ApprovalReference = approval,
        });
        if (m.Errors.Count > failed) return null;
        return new PurchaseLine
        {
            PartnershipId = partnership.Id, DistrictId = district.Id, ContractId = contract.Id, Item = contract.Round.Item, Quantity = quantity,
            ConsortiumUnitPrice = contract.UnitPrice, StandaloneUnitPrice = standalone, StandalonePriceSource = source, StandalonePriceNote = note,
            PurchasedOn = purchasedOn, ApprovalReference = approval,
        };
    }

    private static async Task<PurchaseLine?> RecordPurchaseAsync(MutationContext<RecordPurchaseInput> m)
    {
        var input = m.Input;
        var contract = await ContractAsync(m, input.ContractId);
        var district = await m.Find<District>(input.DistrictId, "District", "districtId");
        if (contract is null || district is null || m.Failed) return null;
        var line = await PurchaseAsync(m, contract, () => m.PartnershipViewAsync(contract.Round.PartnershipId), district, input.Quantity, input.PurchasedOn, input.StandaloneUnitPrice, input.StandalonePriceSource,
            input.StandalonePriceNote, input.ApprovalReference, field => field);
        if (line is null) return null;
        m.Db.PurchaseLines.Add(line);
        return line;
    }

    private static readonly string[] Required = ["district_code", "quantity", "purchased_on", "standalone_unit_price", "standalone_price_source"];

    private static async Task<Contract?> ImportAsync(MutationContext<ImportPurchasesInput> m)
    {
        var contract = await ContractAsync(m, m.Input.ContractId);
        if (contract is null) return null;
        var ct = m.Field.CancellationToken;
        var members = contract.Round.Partnership.Members.ToDictionary(x => x.District.Code, x => x.District);
        var lines = new List<PurchaseLine>();
        // The partnership as plugins see it, read once however many lines their rules check.
        Task<Plugins.PartnershipView>? view = null;
        Task<Plugins.PartnershipView> PartnershipView() => view ??= m.PartnershipViewAsync(contract.Round.PartnershipId);
        try
        {
            // Strict UTF-8, as every upload: a file in another encoding fails on its first bad byte.
            using var text = new StreamReader(m.Input.File.OpenRead(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            await using var csv = CsvReader.Create(text, CsvReaderOptions.Default with { TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw, MaxRecordSize = 1 << 16 });
            await csv.ReadHeaderAsync(ct);
            var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (Required.Where(c => !header.Contains(c)).ToList() is { Count: > 0 } missing)
            {
                m.Invalid("INVALID_FILE", $"Nothing was imported: the header has no {string.Join(", ", missing)} column; the columns are {string.Join(", ", Required)} and optionally standalone_price_note, approval_reference.", "file");
                return null;
            }
            string? Field(string[] row, string column) => header.IndexOf(column) is var i and >= 0 && i < row.Length && row[i].Trim() is { Length: > 0 } value ? value : null;
            while (await csv.ReadAsync(ct))
            {
                if (lines.Count + m.Errors.Count >= MaxImportLines)
                {
                    m.Invalid("TOO_MANY_LINES", $"Nothing was imported: the file has more than {MaxImportLines:N0} lines; split it.", "file");
                    return null;
                }
                var row = csv.Current.ToArray();
                var at = $"file.{csv.LineNumber}";
                var before = m.Errors.Count;
                var code = Field(row, "district_code");
                if (code is null || !members.TryGetValue(code, out var district))
                {
                    m.Violates(PartnershipRules.MemberRequired, $"Line {csv.LineNumber}: {code ?? "(no district code)"} is not a member district of {contract.Round.Partnership.Name}.", at, "district_code");
                    continue;
                }
                if (!int.TryParse(Field(row, "quantity"), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
                    m.Invalid("INVALID_VALUE", $"Line {csv.LineNumber}: quantity is a whole number of units.", at, "quantity");
                if (!DateOnly.TryParseExact(Field(row, "purchased_on"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var purchasedOn))
                    m.Invalid("INVALID_VALUE", $"Line {csv.LineNumber}: purchased_on is a date, YYYY-MM-DD.", at, "purchased_on");
                if (!decimal.TryParse(Field(row, "standalone_unit_price"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var standalone))
                    m.Invalid("INVALID_VALUE", $"Line {csv.LineNumber}: standalone_unit_price is an amount such as 139900.00 (no currency sign or thousands separator).", at, "standalone_unit_price");
                if (!Enum.TryParse<StandalonePriceSource>(Field(row, "standalone_price_source")?.Replace("_", ""), ignoreCase: true, out var source) || source == StandalonePriceSource.Unstated)
                    m.Invalid("INVALID_VALUE", $"Line {csv.LineNumber}: standalone_price_source is QUOTE, LAST_YEAR_INVOICE or LIST_PRICE.", at, "standalone_price_source");
                if (m.Errors.Count > before) continue;
                if (await PurchaseAsync(m, contract, PartnershipView, district, quantity, purchasedOn, standalone, source, Field(row, "standalone_price_note"), Field(row, "approval_reference"),
                        column => $"{at}.{column}") is { } line)
                    lines.Add(line);
            }
        }
        catch (Exception e) when (e is DecoderFallbackException or CsvFormatException)
        {
            m.Invalid("INVALID_FILE", e is DecoderFallbackException
                ? "Nothing was imported: the file is not UTF-8 text; save it as UTF-8 CSV (a spreadsheet's \"CSV UTF-8\")."
                : $"Nothing was imported: line {(e as CsvFormatException)?.LineNumber} cannot be read as CSV (a quote is not closed, or the row is too long).", "file");
            return null;
        }
        if (lines.Count == 0 && !m.Failed) m.Invalid("REQUIRED", "The file has no purchase lines.", "file");
        if (m.Failed) return null;
        m.Db.PurchaseLines.AddRange(lines);
        // The contract is what the payload answers with; its round is the row the audit scope reads the consortium from.
        return contract;
    }
}
