using GraphQL;
using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL.Types;

namespace ConsortiumGraph.Grants;

public sealed class FunderType : NodeType<Funder>
{
    private static readonly RowsByKey<Grant> Grants = new("GrantsByFunderId", g => g.FunderId, q => q.OrderBy(g => g.StartsOn).ThenBy(g => g.Id));

    public FunderType() : base("An organization that funds consortium work a single small district could not attract.")
    {
        Field(f => f.Name).Description("The funder's name.");
        Field(f => f.Website, nullable: true).Description("The funder's website.");
        Field(f => f.ContactEmail, nullable: true).Description("Where reports and drawdown requests go.").AuthorizeWithRoles(Readers.Staff);
        Field(f => f.Revision).Description("Changes with every change to the funder; send it back as `expectedRevision`.").AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GrantType>>>>("grants").Description("The funder's grants you may read, earliest first.")
            .Resolve(c => Grants.Load(c, c.Source.Id));
    }
}
