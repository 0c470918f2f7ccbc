using ConsortiumGraph.Access;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Purchasing;

public sealed class ContractType : NodeType<Contract>
{
    public ContractType() : base("The award of a purchasing round: the vendor, the price per unit and the term members buy under. Amounts are in the consortium's `currency`.")
    {
        Field<NonNullGraphType<PurchasingRoundType>>("round").Description("The round awarded.").Resolve(c => c.ById<PurchasingRound>(c.Source.RoundId));
        Field<NonNullGraphType<VendorType>>("vendor").Description("The vendor awarded.").Resolve(c => c.ById<Vendor>(c.Source.VendorId));
        Field(x => x.UnitPrice).Description("The contract price per unit.");
        Field(x => x.StartsOn, type: typeof(NonNullGraphType<DateType>)).Description("The contract's first day.");
        Field(x => x.EndsOn, type: typeof(NonNullGraphType<DateType>)).Description("The contract's last day.");
        Field(x => x.AwardedOn, type: typeof(NonNullGraphType<DateType>)).Description("The day it was awarded.");
        Field(x => x.Reason, nullable: true).Description("Why this quote was chosen.").AuthorizeWithRoles(Readers.Staff);
        this.Connection<Contract, PurchaseLineType, PurchaseLine>("purchases",
                "What members bought under the contract, earliest first. District staff see their own district's.")
            .DefaultOrder(p => p.PurchasedOn)
            .FromChildren(x => x.Purchases);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberSavingsType>>>>("savingsByMember")
            .Description("Per member: units bought, paid at the contract price, the standalone cost and the saving. District staff see their own district's row.")
            .Resolve(c => SavingsOf(c, c.Source.Id).Then(savings => savings.Visible));
        Field<NonNullGraphType<DecimalGraphType>>("savings").Description("What all members saved under the contract: (standalone price - contract price) x quantity, summed.")
            .Resolve(c => SavingsOf(c, c.Source.Id).Then(savings => savings.Total));
    }

    /// <summary>A contract's savings: the total over every member, and the members' rows the caller may read.</summary>
    private sealed record ContractSavings(decimal Total, IReadOnlyList<MemberSavings> Visible);

    /// <summary>SavingsByContractId: every contract of a response in one GROUP BY.</summary>
    private static IDataLoaderResult<ContractSavings> SavingsOf(IResolveFieldContext context, int contractId)
    {
        var loaders = context.Loaders();
        return loaders.For<int, ContractSavings>("SavingsByContractId", (ids, ct) => loaders.ReadAsync<IReadOnlyDictionary<int, ContractSavings>>(async db =>
        {
            var savings = await PurchaseSavings.ByMemberAsync(db.PurchaseLines.IgnoreQueryFilters()
                .Where(l => l.ContractId != null && ids.Contains(l.ContractId.Value)).Select(l => new KeyedPurchase { Key = l.ContractId!.Value, Line = l }), ct);
            return ids.ToDictionary(id => id, id => new ContractSavings(savings[id].Sum(m => m.Saved) + 0.00m, [.. savings[id].Where(m => db.SeesBusinessOf(m.DistrictId))]));
        }, ct), missing: new ContractSavings(0.00m, [])).Load(contractId);
    }
}

public sealed class MemberSavingsType : ObjectType<MemberSavings>
{
    public MemberSavingsType()
    {
        Name = "MemberSavings";
        Description = "What one member bought, at the consortium's prices and as it would have alone.";
        this.AuthorizeWithRoles(Readers.Members);
        Field<NonNullGraphType<DistrictType>>("district").Description("The member district.").Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field<NonNullGraphType<LongGraphType>>("units").Description("Units bought.").Resolve(c => c.Source.Units);
        Field(m => m.Paid).Description("Paid at the contract prices.");
        Field(m => m.Standalone).Description("What the same purchases would have cost alone.");
        Field(m => m.Saved).Description("Standalone minus paid.");
    }
}
