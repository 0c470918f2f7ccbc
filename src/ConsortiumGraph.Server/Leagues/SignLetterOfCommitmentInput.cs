using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("One signature on a school's letter of commitment to the League. The fourth makes the school a member, from that day.")]
public sealed class SignLetterOfCommitmentInput
{
    [Description("The school's League membership; it must be PENDING.")]
    [Id]
    public required string MembershipId { get; init; }
    [Description("Who signs: each of the four signs once.")]
    public required Signatory Signatory { get; init; }
    [Description("The signer's name, at most 200 characters.")]
    public required string SignedBy { get; init; }
    [Description("The membership's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
