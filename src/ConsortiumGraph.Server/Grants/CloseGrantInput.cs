using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Grants;

[Description("Closes out a grant: its books no longer change. Every drawdown must have been received.")]
public sealed class CloseGrantInput
{
    [Description("The grant; it must be ACTIVE.")]
    [Id]
    public required string GrantId { get; init; }
    [Description("The day it closed; today when omitted. Not before the grant started, not in the future.")]
    public DateOnly? ClosedOn { get; init; }
    [Description("The fiscal agent's closing note (unspent funds returned, final report sent), at most 4000 characters.")]
    public string? Note { get; init; }
    [Description("The grant's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
