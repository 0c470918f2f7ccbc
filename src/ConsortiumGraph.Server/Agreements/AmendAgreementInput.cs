using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Agreements;

[Description("A new version of a partnership's agreement with changed terms. Every member signs it again; the version in force stays in force until they all have.")]
public sealed class AmendAgreementInput
{
    [Description("The partnership whose agreement is amended; PROPOSED or ACTIVE.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("The new version's title; the current title when left out.")]
    public string? Title { get; init; }
    [Description("The amended terms, in full (at most 20,000 characters).")]
    public required string Terms { get; init; }
    [Description("What the amendment changes and why (at most 2,000 characters), for the members who sign it.")]
    public required string ChangeSummary { get; init; }
    [Description("The last day of the new version's term; the current version's when left out.")]
    public DateOnly? ExpiresOn { get; init; }
    [Description("The current agreement's `revision` as last read; the amendment is refused with CONFLICT if it changed since (a signature came in).")]
    public int? ExpectedRevision { get; init; }
}
