using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConsortiumGraph.Access;

/// <summary>Who may read what: role sets declared once per type (the default for its fields) or per field.</summary>
public static class Readers
{
    /// <summary>The public directory: consortia, districts, schools, partnership names. Anonymous callers too, unless anonymous access is off.</summary>
    public static readonly string[] Directory = [Roles.PlatformAdmin, Roles.ConsortiumAdmin, Roles.DistrictStaff, Roles.Funder, Roles.SchoolLeader, Roles.Anonymous];
    /// <summary>Every signed-in role: what `node` and `nodes` admit (each field of the object found still checks its own readers).</summary>
    public static readonly string[] SignedIn = [Roles.PlatformAdmin, Roles.ConsortiumAdmin, Roles.DistrictStaff, Roles.Funder, Roles.SchoolLeader];
    /// <summary>Anyone signed in: members of the consortium and funders (whose rows are limited to what they fund).</summary>
    public static readonly string[] Members = [Roles.PlatformAdmin, Roles.ConsortiumAdmin, Roles.DistrictStaff, Roles.Funder];
    /// <summary>The consortium's own people: staff names, local fields, calendars, internal notes. Not funders.</summary>
    public static readonly string[] Staff = [Roles.PlatformAdmin, Roles.ConsortiumAdmin, Roles.DistrictStaff];
    /// <summary>The League's people: its consortium's staff and admins, and the leaders of its schools. Not funders, not anonymous callers.</summary>
    public static readonly string[] League = [Roles.PlatformAdmin, Roles.ConsortiumAdmin, Roles.DistrictStaff, Roles.SchoolLeader];
    /// <summary>Consortium admins (within their consortia) and platform admins (everywhere).</summary>
    public static readonly string[] Admins = [Roles.PlatformAdmin, Roles.ConsortiumAdmin];
    /// <summary>The installation's operators only: creating consortia, the directory.</summary>
    public static readonly string[] Platform = [Roles.PlatformAdmin];
    /// <summary>Funding reports: the funder, and the admins of the consortia it funds.</summary>
    public static readonly string[] Funding = [Roles.PlatformAdmin, Roles.ConsortiumAdmin, Roles.Funder];

    /// <summary>The roles that may select <paramref name="field"/> of <paramref name="parent"/>: the field's own, else its type's; null when neither declares any.</summary>
    public static IReadOnlyList<string>? Of(FieldType field, IGraphType? parent) => field.GetRoles() ?? parent?.GetRoles();
}

/// <summary>
/// Enforces <see cref="Readers"/> before anything executes: every field the operation selects (in
/// fragments too) must admit the caller's role, or the request is refused with NOT_AUTHORIZED
/// naming the field. Introspection fields are exempt; a field without a declared policy is refused.
/// </summary>
public sealed class FieldAccessRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var options = context.RequestServices?.GetService<AccessOptions>() ?? new AccessOptions();
        var role = Caller.RoleOf(context.User, options.Anonymous);
        return new(new MatchingNodeVisitor<GraphQLField>((node, ctx) =>
        {
            var field = ctx.TypeInfo.GetFieldDef();
            var parent = ctx.TypeInfo.GetParentType()?.GetNamedType();
            if (field is null || field.Name.StartsWith("__", StringComparison.Ordinal) || parent?.Name?.StartsWith("__", StringComparison.Ordinal) == true) return;
            var roles = Readers.Of(field, parent);
            if (roles is not null && role is not null && roles.Contains(role)) return;
            var who = role is null or Roles.Anonymous ? "Sign in (a bearer token or an API key) to read" : $"{Roles.Plural(role)} may not read";
            ctx.ReportError(new AccessDeniedError(ctx, roles is null
                ? $"`{parent?.Name}.{field.Name}` declares no access policy, so no one may read it."
                : $"{who} `{parent?.Name}.{field.Name}`.", node));
        }));
    }
}

public sealed class AccessDeniedError : ValidationError
{
    public AccessDeniedError(ValidationContext context, string message, ASTNode node) : base(context.Document.Source, null, message, node) =>
        Code = "NOT_AUTHORIZED";
}
