using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Graph;

/// <summary>What a mutation returns: the changed object, or the errors that kept it from changing; and advisory warnings either way.</summary>
public sealed record Payload<T>(T? Value, IReadOnlyList<UserError> Errors, IReadOnlyList<RuleViolation> Warnings);

public abstract class PayloadType<TNodeType, T> : ObjectGraphType<Payload<T>> where TNodeType : IGraphType
{
    protected PayloadType(string name, string valueField, string valueDescription)
    {
        Name = name;
        this.AuthorizeWithRoles(Readers.Directory); // the mutation field itself says who may call it
        Description = $"The result of a mutation: `{valueField}` when it succeeded, `errors` when it did not (then nothing was saved).";
        Field<TNodeType>(valueField).Description(valueDescription + " Null on a dry run.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorInterface>>>>("errors")
            .Description("Why the mutation changed nothing; empty on success.").Resolve(c => c.Source.Errors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RuleViolationType>>>>("warnings")
            .Description("Advisory violations of district plugins' rules: the change was saved (or, on a dry run, would be) regardless.").Resolve(c => c.Source.Warnings);
    }
}

/// <summary>The payload of a mutation on one kind of entity, e.g. CommitmentPayload { commitment, errors }.</summary>
public sealed class EntityPayloadType<TNodeType, T>() : PayloadType<TNodeType, T>(
    $"{typeof(TNodeType).GraphQLName()}Payload",
    char.ToLowerInvariant(typeof(TNodeType).GraphQLName()[0]) + typeof(TNodeType).GraphQLName()[1..],
    $"The {typeof(TNodeType).GraphQLName()} as saved; null when there are errors.")
    where TNodeType : IGraphType;

/// <summary>Everything a mutation handler works with: its input, a DbContext, and the errors it collects.</summary>
public sealed class MutationContext<TInput>(TInput input, ConsortiumDb db, IResolveFieldContext resolveContext, TimeProvider clock, Access.Caller caller)
{
    private readonly List<UserError> _errors = [];
    private readonly List<RuleViolation> _warnings = [];
    private readonly List<Func<Task>> _afterSave = [];

    public TInput Input => input;
    /// <summary>The plugins of the schema this request runs on.</summary>
    public PluginHost.PluginSet Plugins => ((ConsortiumSchema)resolveContext.Schema).Plugins;
    public IReadOnlyList<RuleViolation> Warnings => _warnings;
    /// <summary>Who is making the change; reads through <see cref="Db"/> are already limited to what they may see.</summary>
    public Access.Caller Caller => caller;
    public IReadOnlyList<Func<Task>> AfterSave => _afterSave;
    public ConsortiumDb Db => db;
    public IResolveFieldContext Field => resolveContext;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);
    public IReadOnlyList<UserError> Errors => _errors;
    public bool Failed => _errors.Count > 0;

    public void Invalid(string code, string message, params string[] inputPath) =>
        _errors.Add(new ValidationError(message, code, Path(inputPath)));

    public void Violates(string rule, string message, params string[] inputPath) =>
        _errors.Add(new RuleViolation(message, rule, inputPath.Length == 0 ? null : Path(inputPath), rule));

    /// <summary>A consortium rule that replaced an older, mutation-specific code, which the violation still carries as its legacy code.</summary>
    public void ViolatesRenamed(string rule, string legacyCode, string message, string inputField) =>
        _errors.Add(new RuleViolation(message, rule, Path([inputField]), rule, LegacyCode: legacyCode));

    /// <summary>A district plugin's rule: blocking violations are errors, advisory ones warnings.</summary>
    public void Violates(string plugin, string rule, string message, bool blocking, string? inputField)
    {
        var violation = new RuleViolation(message, rule, inputField is null ? null : Path([inputField]), rule, plugin);
        if (blocking) _errors.Add(violation);
        else _warnings.Add(violation);
    }

    /// <summary>
    /// District staff change only what their own district owns or takes part in; admins act for any
    /// district of their consortia. Records a NotAuthorizedError on <paramref name="inputField"/> otherwise.
    /// </summary>
    public bool ActingFor(int districtId, string districtName, string inputField)
    {
        if (caller.ActsFor(districtId)) return true;
        _errors.Add(new NotAuthorizedError($"You may act only for your own district ({string.Join(", ", caller.DistrictCodes)}), not for {districtName}.",
            "NOT_AUTHORIZED", Path([inputField])));
        return false;
    }

    /// <summary>Work that needs the keys of rows this mutation inserts; runs after the first save, in the same transaction.</summary>
    public void ThenSave(Func<Task> step) => _afterSave.Add(step);

    // "memberDistrictIds.1" names the second list item: one path segment per step, as in GraphQL error paths.
    private static string[] Path(string[] inputPath) => ["input", .. inputPath.SelectMany(p => p.Split('.'))];

    /// <summary>Decodes a global ID argument; records INVALID_ID when it is malformed or names another type.</summary>
    public int? Id(string? globalId, string nodeType, string inputField)
    {
        if (globalId is null) return null;
        if (GlobalId.TryDecode(globalId, nodeType, out var id)) return id;
        Invalid("INVALID_ID", $"`{inputField}` is not the ID of a {nodeType}.", inputField);
        return null;
    }

    /// <summary>Loads (and tracks) the entity a global ID names; records INVALID_ID or NOT_FOUND otherwise.</summary>
    public async Task<T?> Find<T>(string? globalId, string nodeType, string inputField, Func<IQueryable<T>, IQueryable<T>>? include = null)
        where T : Entity
    {
        if (Id(globalId, nodeType, inputField) is not { } id) return null;
        var query = include is null ? db.Set<T>() : include(db.Set<T>());
        var entity = await query.FirstOrDefaultAsync(e => e.Id == id, resolveContext.CancellationToken);
        if (entity is null) Invalid("NOT_FOUND", $"No {nodeType} has the ID given as `{inputField}`.", inputField);
        return entity;
    }

    /// <summary>
    /// Makes the save conditional on the revision the client last read (when it sends one), and
    /// marks the entity changed so a concurrent change to it is detected.
    /// </summary>
    public void Revise(RevisedEntity entity, int? expectedRevision)
    {
        if (expectedRevision is { } expected)
            db.Entry(entity).Property(e => e.Revision).OriginalValue = expected;
        entity.Revise();
    }

    /// <summary>Checks a required text input: present, not blank, and within its length.</summary>
    public string? Text(string? value, string inputField, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) Invalid("REQUIRED", $"`{inputField}` must not be empty.", inputField);
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            Invalid("TOO_LONG", $"`{inputField}` has {trimmed.Length} characters; at most {maxLength} are allowed.", inputField);
            return null;
        }
        return trimmed;
    }
}

public static class MutationFields
{
    /// <summary>
    /// Adds a mutation with one <c>input</c> argument, a <c>dryRun</c> argument, and a payload naming the
    /// changed entity (<c>CommitmentPayload { commitment errors warnings }</c>). The handler validates,
    /// changes tracked entities and returns the entity to answer with; when it recorded errors nothing is
    /// saved, and a concurrent change surfaces as a <see cref="ConflictError"/>. Returns the field's
    /// builder, so a caller restricts it like any field (<c>.AuthorizeWithRoles(Readers.Admins)</c>).
    /// </summary>
    public static FieldBuilder<object?, object> Mutation<TInputType, TInput, TNodeType, T>(
        this ObjectGraphType mutation, string name, string description, Func<MutationContext<TInput>, Task<T?>> handle)
        where TInputType : IInputObjectGraphType where TNodeType : IGraphType =>
        mutation.Mutation<TInputType, TInput, T>(typeof(EntityPayloadType<TNodeType, T>), name, description, handle);

    /// <summary>The same, with a payload type of its own (a <see cref="PayloadType{TNodeType, T}"/> whose value field has another name or type).</summary>
    public static FieldBuilder<object?, object> Mutation<TInputType, TInput, T>(
        this ObjectGraphType mutation, Type payloadType, string name, string description, Func<MutationContext<TInput>, Task<T?>> handle)
        where TInputType : IInputObjectGraphType =>
        mutation.Field(name, typeof(NonNullGraphType<>).MakeGenericType(payloadType))
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>("input")
            .DryRunArgument()
            .ResolveAsync(async context => await RunAsync(context, handle));

    /// <summary>Every mutation can be checked without saving, so a front end can show violations before the user commits.</summary>
    public static FieldBuilder<object?, TReturn> DryRunArgument<TReturn>(this FieldBuilder<object?, TReturn> field) =>
        field.Argument<NonNullGraphType<BooleanGraphType>>("dryRun", "Check the change against every consortium and plugin rule, save nothing, and return the errors and warnings it would get.",
            a => a.DefaultValue = false);

    public static async Task<Payload<T>> RunAsync<TInput, T>(IResolveFieldContext context, Func<MutationContext<TInput>, Task<T?>> handle)
    {
        var services = context.RequestServices!;
        var ct = context.CancellationToken;
        var caller = await services.GetRequiredService<Access.RequestCaller>().GetAsync(ct);
        await using var db = await services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync(ct);
        caller.Apply(db);
        var clock = services.GetRequiredService<TimeProvider>();
        var run = new MutationContext<TInput>(context.GetArgument<TInput>("input"), db, context, clock, caller);
        try
        {
            var value = await handle(run);
            if (run.Failed) return new Payload<T>(default, run.Errors, run.Warnings);
            if (context.GetArgument<bool>("dryRun")) return new Payload<T>(default, [], run.Warnings);

            // The change and its audit trail are saved together, or not at all.
            var operation = context.Operation.Name is { } name ? $"{context.FieldDefinition.Name} in {name.StringValue}" : context.FieldDefinition.Name;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var audited = Access.AuditEntry.Capture(db, caller, operation, run.Now);
            var changes = audited.ToDictionary(a => a.Source, a => Access.AuditEntry.Changed(a.Source));
            await db.SaveChangesAsync(ct);
            foreach (var step in run.AfterSave) await step();
            var later = Access.AuditEntry.Capture(db, caller, operation, run.Now); // rows the after-save steps added
            foreach (var (_, source) in later) changes[source] = Access.AuditEntry.Changed(source);
            audited.AddRange(later);
            await db.SaveChangesAsync(ct);
            Access.AuditEntry.Complete(audited, changes, await Access.AuditScope.OfAsync(db, value));
            db.AuditEntries.AddRange(audited.Select(a => a.Entry));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            // Only now: subscribers never hear of a change that was rolled back.
            services.GetRequiredService<Events.EventHub>().Publish(Events.ConsortiumEvent.From(audited));
            return new Payload<T>(value, [], run.Warnings);
        }
        catch (DbUpdateException e)
        {
            // A stale revision, or a unique key another request just took (a second vote, a second signature).
            services.GetRequiredService<ILogger<MutationContext<TInput>>>().LogInformation(e, "Mutation {Mutation} lost a race", context.FieldDefinition.Name);
            return new Payload<T>(default, [new ConflictError(
                "Another request changed the same data after it was read, so nothing was saved. Read it again and retry.", "CONFLICT", null)], []);
        }
    }
}
