using ConsortiumGraph.Graph;
using GraphQL.Types;

namespace ConsortiumGraph.Grants;

public sealed class DrawdownType : NodeType<Drawdown>
{
    public DrawdownType() : base("Funds the fiscal agent requested from the funder, and what arrived.")
    {
        Field<NonNullGraphType<GrantType>>("grant").Description("The grant drawn on.").Resolve(c => c.ById<Grant>(c.Source.GrantId));
        Field(d => d.RequestedOn, type: typeof(NonNullGraphType<DateType>)).Description("The day the funds were requested.");
        Field(d => d.Amount).Description("The amount requested.");
        Field(d => d.Reference, nullable: true).Description("The request's reference in the funder's payment system.");
        Field(d => d.ReceivedOn, type: typeof(DateType)).Description("The day the funds arrived; null while outstanding.");
        Field(d => d.ReceivedAmount, nullable: true).Description("The amount that arrived.");
        Field(d => d.Revision).Description("Changes when the receipt is recorded; send it back as `expectedRevision`.");
    }
}
