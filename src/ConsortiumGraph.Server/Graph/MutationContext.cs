using ConsortiumGraph.Data;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Graph;

/// <summary>Everything a mutation handler works with: its input, a DbContext, and the errors it collects.</summary>
public sealed class MutationContext<TInput>(TInput input, ConsortiumDb db, IResolveFieldContext resolveContext, TimeProvider clock, Access.Caller caller)
{
    private readonly List<UserError> _errors = [];
    private readonly List<RuleViolation> _warnings = [];
    private readonly List<Func<Task>> _afterSave = [];
    private readonly List<Func<Task>> _afterCommit = [];

    public TInput Input => input;
    /// <summary>The plugins of the schema this request runs on.</summary>
    public PluginHost.PluginSet Plugins => ((ConsortiumSchema)resolveContext.Schema).Plugins;
    public IReadOnlyList<RuleViolation> Warnings => _warnings;
    /// <summary>Who is making the change; reads through <see cref="Db"/> are already limited to what they may see.</summary>
    public Access.Caller Caller => caller;
    public IReadOnlyList<Func<Task>> AfterSave => _afterSave;
    public IReadOnlyList<Func<Task>> AfterCommit => _afterCommit;
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

    /// <summary>A consortium rule that advises without blocking: the change is saved, and the payload's warnings say why it deserves a look.</summary>
    public void Warns(string rule, string message, params string[] inputPath) =>
        _warnings.Add(new RuleViolation(message, rule, inputPath.Length == 0 ? null : Path(inputPath), rule));

    /// <summary>
    /// Checks an amount of money: exact to the cent, at least <paramref name="min"/> (more than it when <paramref name="exclusive"/>)
    /// and at most <see cref="Data.Cents.MaxAmount"/>; records OUT_OF_RANGE otherwise. Null passes (an optional amount left out).
    /// </summary>
    public bool Amount(decimal? amount, string inputField, decimal min = 0, bool exclusive = false)
    {
        if (amount is not { } value) return true;
        if ((exclusive ? value <= min : value < min) || value > Data.Cents.MaxAmount)
            Invalid("OUT_OF_RANGE", $"`{inputField}` must be {(exclusive ? "more than" : "at least")} {min:0.##} and at most {Data.Cents.MaxAmount:N0}.", inputField);
        else if (!Data.Cents.IsWhole(value))
            Invalid("OUT_OF_RANGE", $"`{inputField}` is exact to the cent: at most two decimal places.", inputField);
        else return true;
        return false;
    }

    /// <summary>A day that has already come (a payment, a receipt, a submission): records DATE_IN_FUTURE otherwise.</summary>
    public bool NotInFuture(DateOnly? day, string inputField)
    {
        if (day is not { } value || value <= Today) return true;
        Invalid("DATE_IN_FUTURE", $"`{inputField}` is {value:yyyy-MM-dd}, after today ({Today:yyyy-MM-dd}); record what happened once it has.", inputField);
        return false;
    }

    /// <summary>An optional website: an absolute http(s) address within its length (INVALID_URL otherwise).</summary>
    public string? Website(string? value, string inputField = "website")
    {
        var website = Text(value, inputField, 400, required: false);
        if (website is not null && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            Invalid("INVALID_URL", $"`{inputField}` is an absolute http or https address.", inputField);
        return website;
    }

    /// <summary>An optional email address: one address within its length (INVALID_EMAIL otherwise).</summary>
    public string? Email(string? value, string inputField = "contactEmail")
    {
        var email = Text(value, inputField, 320, required: false);
        if (email is not null && !(System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email))
            Invalid("INVALID_EMAIL", $"`{inputField}` is one email address (name@example.org).", inputField);
        return email;
    }

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
        _errors.Add(new NotAuthorizedError(caller.IsAdmin
                ? $"{districtName} is not a member of a consortium you administer."
                : $"You may act only for your own district ({string.Join(", ", caller.DistrictCodes)}), not for {districtName}.",
            "NOT_AUTHORIZED", Path([inputField])));
        return false;
    }

    /// <summary>The caller's role may call the mutation, but not make this change (records NOT_AUTHORIZED on <paramref name="inputField"/>).</summary>
    public void Forbidden(string message, string inputField) => _errors.Add(new NotAuthorizedError(message, "NOT_AUTHORIZED", Path([inputField])));

    /// <summary>Work that needs the keys of rows this mutation inserts; runs after the first save, in the same transaction.</summary>
    public void ThenSave(Func<Task> step) => _afterSave.Add(step);

    /// <summary>Work that must see the change committed (a schema reload after an approval); runs once the transaction committed, never on a dry run or a failure.</summary>
    public void OnceCommitted(Func<Task> step) => _afterCommit.Add(step);

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
