using GraphQL;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using GraphQL.Types;

namespace ConsortiumGraph.Grants;

public sealed class GrantAmendmentType : ObjectType<GrantAmendment>
{
    public GrantAmendmentType()
    {
        Name = "GrantAmendment";
        Description = "One change to an award, with what it was before.";
        this.AuthorizeWithRoles(Access.Readers.Members);
        Field(a => a.Number).Description("1 for the first amendment, and so on.");
        Field(a => a.EffectiveOn, type: typeof(NonNullGraphType<DateType>)).Description("The day the funder's amendment takes effect.");
        Field(a => a.Reason).Description("Why the award changed.");
        Field(a => a.RecordedAt).Description("When it was recorded.");
        Field(a => a.AmountBefore).Description("The award before.");
        Field(a => a.AmountAfter).Description("The award after.");
        Field(a => a.StartsOnBefore, type: typeof(NonNullGraphType<DateType>)).Description("The first day before.");
        Field(a => a.StartsOnAfter, type: typeof(NonNullGraphType<DateType>)).Description("The first day after.");
        Field(a => a.EndsOnBefore, type: typeof(NonNullGraphType<DateType>)).Description("The last day before.");
        Field(a => a.EndsOnAfter, type: typeof(NonNullGraphType<DateType>)).Description("The last day after.");
        Field<NonNullGraphType<DistrictType>>("fiscalAgentBefore").Description("The fiscal agent before.").Resolve(c => c.ById<District>(c.Source.FiscalAgentBeforeId));
        Field<NonNullGraphType<DistrictType>>("fiscalAgentAfter").Description("The fiscal agent after.").Resolve(c => c.ById<District>(c.Source.FiscalAgentAfterId));
    }
}
