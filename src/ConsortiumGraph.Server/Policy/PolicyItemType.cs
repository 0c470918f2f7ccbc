using ConsortiumGraph.Access;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Policy;

public sealed class PolicyItemType : NodeType<PolicyItem>
{
    private static readonly RowsThroughLink<PolicyPartnership, Partnership> Partnerships = new("PartnershipsByPolicyItemId", x => x.PolicyItemId, x => x.Partnership);

    public PolicyItemType() : base("A state policy or barrier the consortium works on: a statute, regulation or guidance, where the consortium stands, and the advocacy carrying it.")
    {
        this.AuthorizeWithRoles(Readers.Staff);
        Field<NonNullGraphType<ConsortiumType>>("consortium").Description("The consortium.").Resolve(c => c.ById<Consortium>(c.Source.ConsortiumId));
        Field(x => x.State).Description("The state whose policy it is.");
        Field(x => x.Title).Description("Its name.");
        Field<NonNullGraphType<EnumerationGraphType<PolicyKind>>>("kind").Description("STATUTE, REGULATION or GUIDANCE.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<EnumerationGraphType<PolicyPosition>>>("position").Description("Where the consortium stands.").Resolve(c => c.Source.Position);
        Field<NonNullGraphType<EnumerationGraphType<PolicyStatus>>>("status").Description("Where the work is.").Resolve(c => c.Source.Status);
        Field(x => x.Summary, nullable: true).Description("What it says and why it matters to the members.");
        Field(x => x.Evidence, nullable: true).Description("The evidence the consortium brings.");
        Field(x => x.TrackedAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When the consortium began tracking it.");
        Field(x => x.Revision).Description("Changes with every update; send it back as `expectedRevision`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnershipType>>>>("partnerships").Description("The advocacy partnerships that carry it.")
            .WithComplexityImpact(1, PolicyMutations.MaxPartnerships)
            .Resolve(c => Partnerships.Load(c, c.Source.Id));
    }
}
