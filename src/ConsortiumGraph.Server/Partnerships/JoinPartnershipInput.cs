using System.ComponentModel;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Partnerships;

[Description("A district of the consortium joining a partnership. It then signs the current agreement.")]
public sealed class JoinPartnershipInput
{
    [Description("The partnership to join.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("The joining district; must be in the partnership's consortium.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("The district's role; a partnership has at most one LEAD and one FISCAL_AGENT.")]
    [DefaultValue(MemberRole.Member)]
    [InputType(typeof(EnumerationGraphType<MemberRole>))]
    public MemberRole Role { get; init; } = MemberRole.Member;
    [Description("The partnership's `revision` as last read; the join is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
