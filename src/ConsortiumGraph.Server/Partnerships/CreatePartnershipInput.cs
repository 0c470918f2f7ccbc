using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Partnerships;

[Description("A new partnership, proposed with its members, decision rights and first agreement. It becomes ACTIVE when every member signed.")]
public sealed class CreatePartnershipInput
{
    [Description("The consortium the partnership belongs to.")]
    [Id]
    public required string ConsortiumId { get; init; }
    [Description("A name unique within the consortium.")]
    public required string Name { get; init; }
    [Description("What kind of collaboration this is.")]
    public PartnershipKind Kind { get; init; }
    [Description("The goal the members share.")]
    public string? SharedGoal { get; init; }
    [Description("First day of the work.")]
    public DateOnly? StartsOn { get; init; }
    [Description("Last day of the work; not before `startsOn`.")]
    public DateOnly? EndsOn { get; init; }
    [Description("The lead district; must be one of `memberDistrictIds`.")]
    [Id]
    public required string LeadDistrictId { get; init; }
    [Description("The fiscal agent; must be one of `memberDistrictIds`, and can be the lead too. Required for GRANT_PROJECT.")]
    [Id]
    public string? FiscalAgentId { get; init; }
    [Description("Every member district (at least two), including the lead and the fiscal agent; all in the consortium.")]
    [Id]
    public required List<string> MemberDistrictIds { get; init; }
    [Description("Who decides in each area; one rule per area.")]
    public List<DecisionRightInput>? DecisionRights { get; init; }
    [Description("Title of the first version of the agreement.")]
    public required string AgreementTitle { get; init; }
    [Description("Terms of the first version of the agreement.")]
    public required string AgreementTerms { get; init; }
    [Description("The last day of the first agreement's term, if it has one; past it, the agreement is EXPIRED until renewed.")]
    public DateOnly? AgreementExpiresOn { get; init; }
}
