using GraphQL;
using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using GraphQL.Types;

namespace ConsortiumGraph.Leagues;

public sealed class LetterSignatureType : NodeType<LetterSignature>
{
    public LetterSignatureType() : base("A signature on a school's letter of commitment to the League.")
    {
        this.AuthorizeWithRoles(Readers.League);
        Field<NonNullGraphType<EnumerationGraphType<Signatory>>>("signatory").Description("Who signed, by role.").Resolve(c => c.Source.Signatory);
        Field(s => s.SignedBy).Description("The signer's name.");
        Field(s => s.SignedAt, type: typeof(NonNullGraphType<DateTimeGraphType>)).Description("When the signature was recorded.");
    }
}
