using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Reporting;

public sealed class GrantTotalType : ObjectType<GrantTotal>
{
    public GrantTotalType()
    {
        Name = "GrantTotal";
        Description = "Grant money from one funder through one fiscal agent.";
        this.AuthorizeWithRoles(Readers.Members);
        Field(g => g.Funder).Description("The funder's name.");
        Field(g => g.FiscalAgent).Description("The fiscal agent district's name.");
        Field(g => g.Amount).Description("Total awarded, in dollars.");
    }
}
