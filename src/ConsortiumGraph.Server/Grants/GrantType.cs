using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL.Types;

namespace ConsortiumGraph.Grants;

public sealed class FunderType : NodeType<Funder>
{
    private static readonly RowsByKey<Grant> Grants = new("GrantsByFunderId", g => g.FunderId, q => q.OrderBy(g => g.StartsOn).ThenBy(g => g.Id));

    public FunderType() : base("An organization that funds consortium work a single small district could not attract.")
    {
        Field(f => f.Name).Description("The funder's name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantType>>>>("grants").Description("The funder's grants, earliest first.")
            .Resolve(c => Grants.Load(c, c.Source.Id));
    }
}

public sealed class GrantType : NodeType<Grant>
{
    public GrantType() : base("Money a funder awards to a partnership, received and accounted for by its fiscal agent.")
    {
        Field<NonNullGraphType<FunderType>>("funder").Description("Who awards the grant.").Resolve(c => c.ById<Funder>(c.Source.FunderId));
        Field<NonNullGraphType<PartnershipType>>("partnership").Description("The funded partnership.").Resolve(c => c.ById<Partnership>(c.Source.PartnershipId));
        Field<NonNullGraphType<DistrictType>>("fiscalAgent").Description("The member district that receives the funds.").Resolve(c => c.ById<District>(c.Source.FiscalAgentId));
        Field(g => g.Amount).Description("The amount awarded, in dollars.");
        Field(g => g.StartsOn, type: typeof(NonNullGraphType<DateType>)).Description("First day of the grant period.");
        Field(g => g.EndsOn, type: typeof(NonNullGraphType<DateType>)).Description("Last day of the grant period.");
    }
}
