using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Consortia;

[Description("A district joining a consortium; a district may belong to several.")]
public sealed class AddConsortiumMemberInput
{
    [Description("The consortium.")]
    [Id]
    public required string ConsortiumId { get; init; }
    [Description("The district, from the installation's directory.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("The day it joined; today when left out.")]
    public DateOnly? JoinedOn { get; init; }
}
