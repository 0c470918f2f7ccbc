using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Agreements;

[Description("A new term for a partnership's agreement: a new version with the same terms and a later expiry date, which every member signs again.")]
public sealed class RenewAgreementInput
{
    [Description("The partnership whose agreement is renewed; PROPOSED or ACTIVE.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("The last day of the new term: after the current version's expiry, and in the future.")]
    public DateOnly ExpiresOn { get; init; }
    [Description("A note for the members who sign it (at most 2,000 characters).")]
    public string? ChangeSummary { get; init; }
    [Description("The current agreement's `revision` as last read; the renewal is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
