using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("A grant awarded to a partnership, received by its fiscal agent. Its fiscal agent's staff or its consortium's admins record it.")]
public sealed class RecordGrantInput
{
    [Description("Who awards it.")]
    [Id]
    public required string FunderId { get; init; }
    [Description("The funded partnership; it has a fiscal agent, which receives the grant.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("The amount awarded, exact to the cent; more than 0 and at most 100,000,000,000.")]
    public required decimal Amount { get; init; }
    [Description("First day of the grant period.")]
    public required DateOnly StartsOn { get; init; }
    [Description("Last day of the grant period.")]
    public required DateOnly EndsOn { get; init; }
    [Description("The funder's identifier for the award, unique per funder, at most 100 characters.")]
    public string? AwardNumber { get; init; }
    [Description("What the members must contribute themselves, exact to the cent; 0 (the default) when no match is required.")]
    public decimal? MatchRequired { get; init; }
    [Description("The reports the funder requires, with their due days.")]
    public List<GrantReportInput>? Reports { get; init; }
}
