using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.CostSharing;

/// <summary>What a district and one neighbor owe each other, across every partnership: one number per neighbor.</summary>
public sealed record DistrictBalance(int CounterpartyId, decimal OwedToUs, decimal OwedByUs)
{
    /// <summary>Positive: the neighbor owes the district; negative: the district owes the neighbor.</summary>
    public decimal Net => OwedToUs - OwedByUs;

    /// <summary>
    /// BalancesByDistrictId: the outstanding amounts of every invoice between each district and its neighbors, in one GROUP BY
    /// for all districts of the response. District staff read their own districts' balances only (others' come back empty).
    /// </summary>
    public static void AddTo(ObjectGraphType<District> district) =>
        district.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DistrictBalanceType>>>>("balances")
            .Description("What the district and each neighbor owe each other on outstanding inter-district invoices, netted: one number per neighbor. "
                + "District staff see their own district's; admins those of their consortia's districts.")
            .AuthorizeWithRoles(Readers.Staff)
            .Resolve(c =>
            {
                var loaders = c.Loaders();
                return loaders.For<int, IReadOnlyList<DistrictBalance>>("BalancesByDistrictId",
                    (ids, ct) => loaders.ReadAsync(db => ComputeAsync(db, ids, ct), ct), missing: []).Load(c.Source.Id);
            });

    private static async Task<IReadOnlyDictionary<int, IReadOnlyList<DistrictBalance>>> ComputeAsync(ConsortiumDb db, IReadOnlyCollection<int> all, CancellationToken ct)
    {
        // Every district of the response in one batch; a district's balances are its own business, not its neighbors' staff's.
        var ids = all.Where(db.SeesBusinessOf).ToList();
        var open = db.InterDistrictInvoices.Where(i => i.Amount != i.Paid);
        var owedTo = await open.Where(i => ids.Contains(i.CreditorId)).GroupBy(i => new { Us = i.CreditorId, Them = i.DebtorId })
            .Select(g => new { g.Key.Us, g.Key.Them, Amount = g.Sum(i => i.Amount - i.Paid) }).ToListAsync(ct);
        var owedBy = await open.Where(i => ids.Contains(i.DebtorId)).GroupBy(i => new { Us = i.DebtorId, Them = i.CreditorId })
            .Select(g => new { g.Key.Us, g.Key.Them, Amount = g.Sum(i => i.Amount - i.Paid) }).ToListAsync(ct);
        return all.ToDictionary(id => id, id => (IReadOnlyList<DistrictBalance>)[.. owedTo.Where(o => o.Us == id).Select(o => o.Them)
            .Union(owedBy.Where(o => o.Us == id).Select(o => o.Them)).Order()
            // + 0.00m: nothing owed reads 0.00, an amount like any other.
            .Select(them => new DistrictBalance(them, owedTo.Where(o => o.Us == id && o.Them == them).Sum(o => o.Amount) + 0.00m,
                owedBy.Where(o => o.Us == id && o.Them == them).Sum(o => o.Amount) + 0.00m))]);
    }
}

public sealed class DistrictBalanceType : ObjectType<DistrictBalance>
{
    public DistrictBalanceType()
    {
        Name = "DistrictBalance";
        Description = "What a district and one neighbor owe each other on outstanding inter-district invoices.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<DistrictType>>("counterparty").Description("The neighbor.").Resolve(c => c.ById<District>(c.Source.CounterpartyId));
        Field(b => b.OwedToUs).Description("What the neighbor owes the district.");
        Field(b => b.OwedByUs).Description("What the district owes the neighbor.");
        Field(b => b.Net).Description("Owed to the district minus owed by it: positive, the neighbor pays; negative, the district pays.");
    }
}
