using System.ComponentModel;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Access;

[Description("A new API key for a service, in one role.")]
public sealed class CreateApiKeyInput
{
    [Description("What the key is for (e.g. \"Tri-State quarterly report\"); unique, at most 100 characters.")]
    public required string Name { get; init; }
    [Description("The role it acts in.")]
    public ApiKeyRole Role { get; init; }
    [Description("DISTRICT_STAFF: the districts it acts for, each a member of one of the key's consortia.")]
    [InputType(typeof(ListGraphType<StringGraphType>))]
    public List<string>? DistrictCodes { get; init; }
    [Description("The consortia the key acts in, all of them ones you administer: it reads and changes nothing outside them, whatever its role. Required for CONSORTIUM_ADMIN; for the other roles, all the consortia you administer when omitted.")]
    [Id]
    public List<string>? ConsortiumIds { get; init; }
    [Description("FUNDER: the funder, which must fund a partnership of the key's consortia; it reads only those partnerships.")]
    [Id]
    public string? FunderId { get; init; }
}
