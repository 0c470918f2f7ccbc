using System.Text.Json;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Access;

public sealed class AuditEntryType : NodeType<AuditEntry>
{
    public AuditEntryType() : base("One row a mutation changed, or the server changed on its own (a decision expiring at its deadline): who changed it, which fields from what to what, when, and through which operation.")
    {
        this.AuthorizeWithRoles(Readers.Admins);
        Field(a => a.At).Description("When the change was saved.");
        Field(a => a.Subject).Description("Who made it: the token's subject, `api-key:<name>`, or `system:<what>` for a change the server makes on its own (`system:decision-deadline`).");
        Field(a => a.Role).Description("The role they acted in; `none` for the server's own changes.");
        Field(a => a.Districts, nullable: true).Description("Their district codes, for district staff.");
        Field(a => a.Operation).Description("The mutation, with the operation's name when it had one; `decision deadline` for a decision the server expired.");
        Field(a => a.EntityType).Description("The kind of row changed, e.g. Commitment, Vote, LocalFieldValue.");
        Field<NonNullGraphType<IdGraphType>>("entityId").Description("The changed row, as a global ID of its kind.")
            .Resolve(c => GlobalId.Encode(c.Source.EntityType, c.Source.EntityId));
        Field(a => a.Action).Description("Added, Modified or Deleted. Nothing is deleted without an entry here.");
        Field<NonNullGraphType<JsonType>>("changes").Description("Each changed field: [before, after].")
            .Resolve(c => JsonSerializer.Deserialize<JsonElement>(c.Source.Changes));
    }
}

public sealed class AuditFilter : FilterInputType<AuditEntry>
{
    public AuditFilter() : base("AuditFilter", "Conditions on audit entries; an entry must meet all that are given.")
    {
        AnyOf("entityType", a => a.EntityType, "Changes to any of these kinds of row (Commitment, Vote...).");
        AnyOf("subject", a => a.Subject, "Changes by any of these subjects.");
        AtLeast("from", a => a.At, "Changes saved at or after this instant.");
        AtMost("to", a => a.At, "Changes saved at or before this instant.");
    }
}

public static class AuditLog
{
    public static void AddAuditLog(this ObjectGraphType<object?> query) =>
        query.Connection<object?, AuditEntryType, AuditEntry>("auditLog", "Every change made through a mutation in the caller's consortia, and every change the server makes there on its own, newest first. Consortium admins only.")
            .AuthorizeWithRoles(Readers.Admins)
            .Filter<AuditFilter>().DefaultOrder(a => a.At, descending: true)
            .FromQuery((_, db) => db.AuditEntries);
}
