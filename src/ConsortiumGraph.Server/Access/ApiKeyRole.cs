using System.ComponentModel;

namespace ConsortiumGraph.Access;

[Description("The role an API key acts in.")]
public enum ApiKeyRole
{
    [Description("Everything within the listed consortia.")] ConsortiumAdmin,
    [Description("Reads the consortium; changes only the listed districts' part.")] DistrictStaff,
    [Description("Reads only what the funder funds.")] Funder,
}
