using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Purchasing;

[Description("A supplier on a consortium's list. Its admins, or staff of its member districts.")]
public sealed class CreateVendorInput
{
    [Description("The consortium whose list it joins.")]
    [Id]
    public required string ConsortiumId { get; init; }
    [Description("Its name, unique in the consortium, at most 200 characters.")]
    public required string Name { get; init; }
    [Description("Where requests for quotes go, at most 320 characters.")]
    public string? ContactEmail { get; init; }
    [Description("Its website (http or https), at most 400 characters.")]
    public string? Website { get; init; }
}
