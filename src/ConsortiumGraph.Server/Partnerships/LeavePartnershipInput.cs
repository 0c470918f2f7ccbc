using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Partnerships;

[Description("A member district gives notice that it leaves a partnership. It stays a member, with its votes and signature, until the effective date; its history stays readable after.")]
public sealed class LeavePartnershipInput
{
    [Description("The partnership.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("The leaving district; a current member that is neither the lead nor the fiscal agent (hand those roles over first with `changeMemberRoles`).")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("The first day the district is no longer a member; today when left out, never in the past.")]
    public DateOnly? EffectiveOn { get; init; }
    [Description("The partnership's `revision` as last read; the notice is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
