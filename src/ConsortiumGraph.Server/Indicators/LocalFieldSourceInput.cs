using System.ComponentModel;

namespace ConsortiumGraph.Indicators;

/// <summary>A district plugin's field that supplies the value, computed from the district's own data system.</summary>
[Description("A district plugin's number field on District, stored or computed.")]
public sealed class LocalFieldSourceInput
{
    [Description("The plugin's key.")]
    public required string Plugin { get; init; }
    [Description("The field's name.")]
    public required string Field { get; init; }
}
