using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Reporting;

public sealed class WithheldDataType : ObjectType<WithheldData>
{
    public WithheldDataType()
    {
        Name = "WithheldData";
        Description = "An indicator a member district does not share with funders.";
        this.AuthorizeWithRoles(Readers.Funding);
        Field(w => w.District).Description("The district's name.");
        Field(w => w.Indicator).Description("The indicator's code.");
    }
}
