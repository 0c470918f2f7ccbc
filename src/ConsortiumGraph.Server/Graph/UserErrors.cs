using GraphQL;
using ConsortiumGraph.Access;
using GraphQL.Types;

namespace ConsortiumGraph.Graph;

/// <summary>An error a mutation returns in its payload, for the user to act on.</summary>
public abstract record UserError(string Message, string Code, IReadOnlyList<string>? Path);

/// <summary>The input is malformed or names something that does not exist.</summary>
public sealed record ValidationError(string Message, string Code, IReadOnlyList<string>? Path) : UserError(Message, Code, Path);

/// <summary>The input is well formed but breaks a consortium rule (or a district plugin's rule).</summary>
/// <param name="LegacyCode">The code the violation had before several mutations shared its rule, answered during its deprecation period.</param>
public sealed record RuleViolation(string Message, string Code, IReadOnlyList<string>? Path, string Rule, string? Plugin = null, string? LegacyCode = null)
    : UserError(Message, Code, Path);

/// <summary>The caller may not make this change.</summary>
public sealed record NotAuthorizedError(string Message, string Code, IReadOnlyList<string>? Path) : UserError(Message, Code, Path);

/// <summary>Another request changed the same object since it was read; nothing was saved.</summary>
public sealed record ConflictError(string Message, string Code, IReadOnlyList<string>? Path) : UserError(Message, Code, Path);

public sealed class UserErrorInterface : InterfaceGraphType<UserError>
{
    public UserErrorInterface()
    {
        Name = "UserError";
        this.AuthorizeWithRoles(Readers.Directory);
        Description = "An error a mutation returns in its payload. Nothing was saved when a payload has errors.";
        Field(e => e.Message).Description("What went wrong, for people.");
        Field(e => e.Code).Description("What went wrong, for programs: a stable UPPER_SNAKE_CASE code.");
        Field(e => e.Path, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("The input field at fault, from the mutation's argument down (e.g. [\"input\", \"fiscalAgentId\"]).");
    }
}

/// <summary>One object type per kind of user error, sharing the interface's fields.</summary>
public abstract class UserErrorType<TError> : ObjectType<TError> where TError : UserError
{
    protected UserErrorType(string description)
    {
        Description = description;
        this.AuthorizeWithRoles(Readers.Directory);
        Interface<UserErrorInterface>();
        IsTypeOf = value => value is TError;
        Field(e => e.Message).Description("What went wrong, for people.");
        Field(e => e.Code).Description("What went wrong, for programs: a stable UPPER_SNAKE_CASE code.");
        Field(e => e.Path, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("The input field at fault, from the mutation's argument down.");
    }
}

public sealed class ValidationErrorType() : UserErrorType<ValidationError>(
    "The input is malformed or names something that does not exist (codes such as INVALID_ID, NOT_FOUND, REQUIRED, OUT_OF_RANGE).");

public sealed class RuleViolationType : UserErrorType<RuleViolation>
{
    public RuleViolationType() : base("The input breaks a rule of the consortium or of a district plugin.")
    {
        Field(e => e.Rule).Description("The rule that was broken, e.g. FISCAL_AGENT_MUST_BE_MEMBER.");
        Field(e => e.Plugin, nullable: true).Description("The plugin whose rule this is; null for the consortium's own rules.");
        Field(e => e.LegacyCode, nullable: true)
            .Description("The code this violation had before its rule was shared by several mutations (COMMITMENT_DISTRICT_MUST_BE_MEMBER, VOTER_MUST_BE_MEMBER and SIGNER_MUST_BE_MEMBER are now DISTRICT_MUST_BE_MEMBER); null for other violations.")
            .DeprecationReason("Read `code`. Answered until 2027-06-30.");
    }
}

public sealed class NotAuthorizedErrorType() : UserErrorType<NotAuthorizedError>("The caller may not make this change.");

public sealed class ConflictErrorType() : UserErrorType<ConflictError>(
    "Another request changed the same object after it was read (code CONFLICT). Nothing was saved: read the object again and retry.");
