using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using ConsortiumGraph.Grants;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Reporting;

public sealed class FundingReportType : ObjectType<FundingReport>
{
    public FundingReportType()
    {
        Name = "FundingReport";
        Description = "What a funder's grants fund, with nothing from outside them and nothing a district did not consent to share.";
        this.AuthorizeWithRoles(Readers.Funding);
        Field<NonNullGraphType<FunderType>>("funder").Description("The funder.").Resolve(c => c.Source.Funder);
        Field(r => r.GeneratedAt).Description("When the report was made.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundedGrantType>>>>("grants").Description("Each grant, by start date.").Resolve(c => c.Source.Grants);
    }
}
