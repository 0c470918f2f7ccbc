using GraphQL;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using GraphQL.Types;

namespace ConsortiumGraph.Grants;

public sealed class GrantBudgetLineType : ObjectType<GrantBudgetLine>
{
    public GrantBudgetLineType()
    {
        Name = "GrantBudgetLine";
        Description = "What a budget puts in one category, for one member district when the award allocates to members.";
        this.AuthorizeWithRoles(Access.Readers.Members);
        Field(l => l.Category).Description("What the money is for.");
        Field<DistrictType>("district").Description("The member district it is allocated to; null for the partnership as a whole.")
            .Resolve(c => c.Source.DistrictId is { } id ? c.ById<District>(id) : null);
        Field(l => l.Amount).Description("The amount budgeted.");
        Field(l => l.Description, nullable: true).Description("What the line pays for.");
    }
}
