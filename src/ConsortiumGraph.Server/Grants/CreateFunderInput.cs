using System.ComponentModel;

namespace ConsortiumGraph.Grants;

[Description("A funder of the installation: a foundation, a state or federal program. Consortium and platform admins.")]
public sealed class CreateFunderInput
{
    [Description("Its name, unique on the installation, at most 200 characters.")]
    public required string Name { get; init; }
    [Description("Its website (http or https), at most 400 characters.")]
    public string? Website { get; init; }
    [Description("Where reports and drawdown requests go, at most 320 characters.")]
    public string? ContactEmail { get; init; }
}
