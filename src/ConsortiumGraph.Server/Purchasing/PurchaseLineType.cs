using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL.Types;

namespace ConsortiumGraph.Purchasing;

public sealed class PurchaseLineType : NodeType<PurchaseLine>
{
    public PurchaseLineType() : base("One member's purchase through a joint purchase: the consortium's price against what it would have paid alone.")
    {
        Field<NonNullGraphType<PartnershipType>>("partnership").Description("The partnership bought through.").Resolve(c => c.ById<Partnership>(c.Source.PartnershipId));
        Field<NonNullGraphType<DistrictType>>("district").Description("The member district that bought.").Resolve(c => c.ById<District>(c.Source.DistrictId));
        Field<ContractType>("contract").Description("The contract bought under; null for purchases recorded before contracts were.")
            .Resolve(c => c.Source.ContractId is { } id ? c.ById<Contract>(id) : null);
        Field(p => p.Item).Description("What was bought.");
        Field(p => p.Quantity).Description("Whole units bought.");
        Field(p => p.ConsortiumUnitPrice).Description("The price per unit paid: the contract's.");
        Field(p => p.StandaloneUnitPrice).Description("The price per unit the district would have paid alone.");
        Field(p => p.StandalonePriceSource).Description("Where the standalone price comes from.");
        Field(p => p.StandalonePriceNote, nullable: true).Description("The evidence for the standalone price.");
        Field(p => p.ApprovalReference, nullable: true).Description("The district's own approval (a purchase order, a board minute).");
        Field(p => p.PurchasedOn, type: typeof(NonNullGraphType<DateType>)).Description("The day bought.");
        Field<NonNullGraphType<DecimalGraphType>>("saved").Description("(standalone price - contract price) x quantity.")
            .Resolve(c => (c.Source.StandaloneUnitPrice - c.Source.ConsortiumUnitPrice) * c.Source.Quantity);
    }
}
