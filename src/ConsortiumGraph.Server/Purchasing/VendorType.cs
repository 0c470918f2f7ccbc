using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL;

namespace ConsortiumGraph.Purchasing;

public sealed class VendorType : NodeType<Vendor>
{
    public VendorType() : base("A supplier on a consortium's list, asked for quotes in its purchasing rounds.")
    {
        this.AuthorizeWithRoles(Readers.Staff);
        Field(v => v.Name).Description("The vendor's name.");
        Field(v => v.ContactEmail, nullable: true).Description("Where requests for quotes go.");
        Field(v => v.Website, nullable: true).Description("The vendor's website.");
    }
}
