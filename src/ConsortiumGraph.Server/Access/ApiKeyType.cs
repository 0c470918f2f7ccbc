using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Access;

public sealed class ApiKeyType : NodeType<ApiKey>
{
    private static readonly RowsThroughLink<ApiKeyConsortium, Consortia.Consortium> ConsortiaOfKey = new("ConsortiaByApiKeyId", l => l.ApiKeyId, l => l.Consortium);

    public ApiKeyType() : base("A named, revocable credential for a service, acting in one role. Only a hash of its secret is stored.")
    {
        this.AuthorizeWithRoles(Readers.Admins);
        Field(k => k.Name).Description("What the key is for.");
        Field(k => k.Role).Description("The role it acts in (consortium-admin, district-staff or funder).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scope")
            .Description("District codes, consortium IDs or the funder ID the role is limited to.").Resolve(c => c.Source.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Consortia.ConsortiumType>>>>("consortia")
            .Description("The consortia the key acts in: it reads and changes nothing outside them, whatever its role.").Resolve(c => ConsortiaOfKey.Load(c, c.Source.Id));
        Field(k => k.Prefix).Description("The key's public part (cgk_<prefix>_...), to recognise it in logs.");
        Field(k => k.CreatedAt).Description("When it was created.");
        Field(k => k.CreatedBy).Description("Who created it.");
        Field(k => k.RevokedAt, nullable: true).Description("When it was revoked; null while it works.");
        Field(k => k.Secret, nullable: true).Description("The whole key, to send as the X-Api-Key header. Returned once, by createApiKey; store it now.");
    }
}
