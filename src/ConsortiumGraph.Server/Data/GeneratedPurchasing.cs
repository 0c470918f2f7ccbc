using ConsortiumGraph.Consortia;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Purchasing;

namespace ConsortiumGraph.Data;

/// <summary>
/// The joint purchasing of a generated partnership (<see cref="ScaleData"/>): rounds put out for quotes to the
/// consortium's vendors, each awarded at the lowest quote, and the members' purchases under the contract, most months
/// of its term up to the data set's day, each at the contract price and at a standalone price it is compared with.
/// The round of an active partnership that is still taking quotes has no contract yet. Prices are whole cents, so
/// every saving is exact on every provider.
/// </summary>
public static class GeneratedPurchasing
{
    private static readonly (string Item, string Unit, decimal Price)[] Items =
    [
        ("Diesel fuel", "gallon", 3.42m),
        ("Type C school bus", "bus", 128_500m),
        ("Student Chromebook", "device", 289m),
        ("Copy paper", "case", 41.75m),
        ("Student information system license", "student", 9.80m),
        ("Cafeteria milk", "half-pint", 0.31m),
    ];

    /// <summary>The consortium's vendors: every round of its partnerships asks them for quotes.</summary>
    public static IReadOnlyList<Vendor> Vendors(Consortium consortium, Action<object> add)
    {
        string[] names = ["Prairie Supply Co.", "Tri-County Fleet Sales", "Lone Oak Office Products", "Great Plains Technology", "Valley Dairy Cooperative"];
        var vendors = names.Select(name => new Vendor { Consortium = consortium, Name = name, ContactEmail = $"bids@{name.Split(' ')[0].ToLowerInvariant()}.example" }).ToList();
        vendors.ForEach(add);
        return vendors;
    }

    public static void Add(Partnership partnership, IReadOnlyList<District> members, IReadOnlyList<Vendor> vendors, DateOnly today, Random random, Action<object> add)
    {
        if (partnership.Status == PartnershipStatus.Proposed) return;
        // A generated partnership has its period; a closed one bought until it ended.
        var (starts, ends) = (partnership.StartsOn!.Value, partnership.EndsOn!.Value);
        var last = partnership.Status == PartnershipStatus.Active || ends > today ? today : ends;
        var rounds = random.Next(1, 4);
        var dueOn = starts.AddDays(random.Next(15, 60));
        for (var r = 0; r < rounds && dueOn <= last.AddDays(45); r++, dueOn = dueOn.AddDays(random.Next(90, 240)))
        {
            var (item, unit, price) = Items[random.Next(Items.Length)];
            var open = dueOn > today;
            var round = new PurchasingRound
            {
                Partnership = partnership, Item = item, Unit = unit, Specification = $"{item}, delivered to each member's site.",
                EstimatedQuantity = Quantity(unit, random) * members.Count * 12, QuotesDueOn = dueOn,
                Status = open ? PurchasingRoundStatus.Open : PurchasingRoundStatus.Awarded,
                OpenedAt = dueOn.AddDays(-30).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
            };
            add(round);
            var quotes = vendors.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).Select(vendor => new Quote
            {
                Round = round, Vendor = vendor, UnitPrice = decimal.Round(price * (decimal)(0.82 + random.NextDouble() * 0.2), 2),
                ReceivedOn = dueOn.AddDays(-random.Next(1, 20)), ValidUntil = dueOn.AddDays(90), Terms = "Net 30, delivered.",
            }).ToList();
            if (open) quotes = [.. quotes.Where(q => q.ReceivedOn <= today)];
            quotes.ForEach(add);
            if (open || quotes.Count == 0) continue;

            var best = quotes.MinBy(q => q.UnitPrice)!;
            var awarded = dueOn.AddDays(10);
            var contract = new Contract
            {
                Round = round, Quote = best, Vendor = best.Vendor, UnitPrice = best.UnitPrice, AwardedOn = awarded,
                StartsOn = awarded.AddDays(5), EndsOn = awarded.AddDays(5).AddYears(1).AddDays(-1), Reason = "Lowest price per unit.",
            };
            add(contract);
            var latest = contract.EndsOn < last ? contract.EndsOn : last;
            // Each member buys in most months of the term (a bus in some), at the contract price, against what it would have paid alone.
            for (var month = contract.StartsOn; month <= contract.EndsOn && month <= last; month = month.AddMonths(1))
                foreach (var member in members)
                {
                    if (unit == "bus" ? random.Next(6) != 0 : random.Next(3) == 0) continue; // a bus one month in six, the rest two months in three
                    var source = (StandalonePriceSource)random.Next(1, 4);
                    add(new PurchaseLine
                    {
                        Partnership = partnership, District = member, Contract = contract, Item = item, Quantity = Quantity(unit, random),
                        ConsortiumUnitPrice = contract.UnitPrice, StandaloneUnitPrice = decimal.Round(price * (decimal)(1.05 + random.NextDouble() * 0.25), 2),
                        StandalonePriceSource = source, StandalonePriceNote = source == StandalonePriceSource.Quote ? "Quote for the district alone" : null,
                        PurchasedOn = month.AddDays(random.Next(0, 27)) is var day && day <= latest ? day : latest,
                        ApprovalReference = $"PO-{member.Code}-{month:yyMM}",
                    });
                }
        }
    }

    // Whole units a member buys in a month: buses one at a time, fuel by the thousand gallons.
    private static int Quantity(string unit, Random random) => unit switch
    {
        "bus" => 1,
        "gallon" => random.Next(800, 4000),
        "half-pint" => random.Next(2000, 9000),
        "student" => random.Next(100, 1500),
        _ => random.Next(5, 60),
    };
}
