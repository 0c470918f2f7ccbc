using System.ComponentModel;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Partnerships;

[Description("A member district and every role it is to hold. MEMBER is implied; LEAD and FISCAL_AGENT can be held together.")]
public sealed class MemberRolesInput
{
    [Description("A current member district.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("Its roles; an empty list (or MEMBER alone) leaves it a plain member.")]
    [InputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<MemberRole>>>>))]
    public required List<MemberRole> Roles { get; init; }
}
