using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Partnerships;

[Description("New roles for some of a partnership's members, checked together: so the lead can pass to another member in one change.")]
public sealed class ChangeMemberRolesInput
{
    [Description("The partnership.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("The members whose roles change, each with its whole new set of roles; members left out keep theirs.")]
    public required List<MemberRolesInput> Members { get; init; }
    [Description("The partnership's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
