using System.ComponentModel;

namespace ConsortiumGraph.Access;

[Description("The role an API key acts in.")]
public enum ApiKeyRole
{
    [Description("The installation's operator: every consortium, the directory, appointing consortium admins. Only a platform admin creates one.")] PlatformAdmin,
    [Description("Everything within the listed consortia.")] ConsortiumAdmin,
    [Description("Reads the consortium; changes only the listed districts' part.")] DistrictStaff,
    [Description("Reads only what the funder funds.")] Funder,
}
