using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using ConsortiumGraph.Grants;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Reporting;

public sealed class FundedGrantType : ObjectType<FundedGrant>
{
    public FundedGrantType()
    {
        Name = "FundedGrant";
        Description = "One grant: its partnership's impact over the grant period and the indicator trends of its member districts.";
        this.AuthorizeWithRoles(Readers.Funding);
        Field<NonNullGraphType<GrantType>>("grant").Description("The grant.").Resolve(c => c.Source.Grant);
        Field(g => g.Partnership).Description("The funded partnership's name.");
        Field(g => g.FiscalAgent).Description("The fiscal agent's name.");
        Field<NonNullGraphType<ImpactType>>("impact").Description("The partnership's impact over the grant period.").Resolve(c => c.Source.Impact);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorTrendType>>>>("indicators").Description("Each indicator, aggregated over the member districts that share it, per school year of the grant.").Resolve(c => c.Source.Indicators);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WithheldDataType>>>>("withheld").Description("Member districts' indicators left out because the district does not share them with funders.").Resolve(c => c.Source.Withheld);
    }
}
