using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Agreements;

[Description("A member district's signature on the current version of its partnership's agreement.")]
public sealed class SignAgreementInput
{
    [Description("The agreement to sign; must be the current version.")]
    [Id]
    public required string AgreementId { get; init; }
    [Description("The signing district; must be a member of the partnership.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("The name (and title) of the person signing for the district.")]
    public required string SignedBy { get; init; }
    [Description("The agreement's `revision` as last read; the signature is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
