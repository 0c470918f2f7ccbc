using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Indicators;

public sealed class DataSharingConsentType : ObjectType<DataSharingConsent>
{
    public DataSharingConsentType()
    {
        Name = "DataSharingConsent";
        Description = "A district's choice to show an indicator to funders.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<StringGraphType>>("indicator").Description("The indicator's code.").Resolve(c => c.Source.Indicator.Code);
        Field(x => x.SharedWithFunders).Description("Whether funders see the district's values.");
        Field(x => x.UpdatedAt).Description("When the choice was made.");
    }
}
