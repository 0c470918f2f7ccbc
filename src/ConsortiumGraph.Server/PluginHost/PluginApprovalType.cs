using ConsortiumGraph.Graph;
using ConsortiumGraph.Access;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.PluginHost;

public sealed class PluginApprovalType : ObjectType<PluginApproval>
{
    public PluginApprovalType()
    {
        Name = "PluginApproval";
        this.AuthorizeWithRoles(Readers.Admins);
        Description = "A consortium admin's approval of one plugin build: only approved builds run (where the server requires approval).";
        Field(a => a.Key).Description("The plugin's key.");
        Field(a => a.Version).Description("The approved build's version, from its manifest.");
        Field("districts", a => a.DistrictCodes).Description("Codes of the districts the build speaks for, from its manifest.");
        Field(a => a.Sha256).Description("The SHA-256 of the approved build's folder.");
        Field(a => a.ApprovedAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When it was approved.");
        Field(a => a.ApprovedBy).Description("Who approved it.");
    }
}
