using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Purchasing;

public sealed class PurchasingRoundType : NodeType<PurchasingRound>
{
    private static readonly RowsByKey<Quote> Quotes = new("QuotesByRoundId", q => q.RoundId, q => q.OrderBy(x => x.UnitPrice).ThenBy(x => x.Id));
    private static readonly RowsByKey<Contract> Contracts = new("ContractsByRoundId", c => c.RoundId);

    public PurchasingRoundType() : base("A joint purchase a partnership put out for quotes, and its award. Prices are in the consortium's `currency`.")
    {
        Field<NonNullGraphType<PartnershipType>>("partnership").Description("The partnership buying together.").Resolve(c => c.ById<Partnership>(c.Source.PartnershipId));
        Field(r => r.Item).Description("What is bought.");
        Field(r => r.Unit).Description("The unit prices are per.");
        Field(r => r.Specification, nullable: true).Description("The specification vendors quote against.");
        Field(r => r.EstimatedQuantity).Description("How many units the members expect to buy over the contract.");
        Field(r => r.QuotesDueOn, type: typeof(NonNullGraphType<DateType>)).Description("The day quotes are due.");
        Field(r => r.Status).Description("OPEN, AWARDED or CANCELLED.");
        Field(r => r.CancellationReason, nullable: true).Description("Why the round was cancelled without an award.");
        Field(r => r.Revision).Description("Changes with every quote and the award; send it back as `expectedRevision`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuoteType>>>>("quotes").Description("The vendors' quotes, lowest price first. Vendors' prices are the consortium's business: not for funders.")
            .AuthorizeWithRoles(Readers.Staff)
            .Resolve(c => Quotes.Load(c, c.Source.Id));
        Field<ContractType>("contract").Description("The contract awarded; null while the round is open.")
            .Resolve(c => Contracts.Load(c, c.Source.Id).Then(contracts => contracts.FirstOrDefault()));
    }
}

public sealed class QuoteType : NodeType<Quote>
{
    public QuoteType() : base("A vendor's price per unit for a purchasing round.")
    {
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<VendorType>>("vendor").Description("Who quoted.").Resolve(c => c.ById<Vendor>(c.Source.VendorId));
        Field(q => q.UnitPrice).Description("The price per unit.");
        Field(q => q.ReceivedOn, type: typeof(NonNullGraphType<DateType>)).Description("The day the quote arrived.");
        Field(q => q.ValidUntil, type: typeof(DateType)).Description("The last day the vendor holds the price.");
        Field(q => q.Terms, nullable: true).Description("Delivery, warranty and payment terms.");
    }
}
