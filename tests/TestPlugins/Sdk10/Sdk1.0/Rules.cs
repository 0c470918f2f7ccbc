namespace ConsortiumGraph.Plugins;

/// <summary>A declared local rule, as the host sees it.</summary>
public sealed class LocalRule
{
    internal LocalRule(string name, string description, Type changeType, Func<ProposedChange, RuleContext, Task<IEnumerable<Violation>>> check)
    {
        Name = name;
        Description = description;
        ChangeType = changeType;
        Check = check;
    }

    /// <summary>The rule's UPPER_SNAKE_CASE name.</summary>
    public string Name { get; }

    /// <summary>What the rule requires and why.</summary>
    public string Description { get; }

    /// <summary>The kind of change the rule checks (a <see cref="ProposedChange"/> subclass).</summary>
    public Type ChangeType { get; }

    /// <summary>Checks a proposed change; the host runs it, plugins only declare it.</summary>
    internal Func<ProposedChange, RuleContext, Task<IEnumerable<Violation>>> Check { get; }
}

/// <summary>Whether a violation stops the change.</summary>
public enum RuleSeverity
{
    /// <summary>The mutation stores nothing and returns the violation as an error.</summary>
    Blocking,
    /// <summary>The change is stored; the violation is returned as a warning.</summary>
    Advisory,
}

/// <summary>What a rule found wrong with a proposed change.</summary>
public sealed class Violation
{
    private Violation(string message, string? field, RuleSeverity severity)
    {
        Message = message;
        Field = field;
        Severity = severity;
    }

    /// <summary>What is wrong and what to do about it, for the person making the change.</summary>
    public string Message { get; }

    /// <summary>The mutation input field at fault (e.g. <c>dollars</c>, or <c>local.boardApprovalDate</c>); null for the change as a whole.</summary>
    public string? Field { get; }

    /// <summary>Whether the violation blocks the change.</summary>
    public RuleSeverity Severity { get; }

    /// <summary>A violation that blocks the change.</summary>
    public static Violation Block(string message, string? field = null) => new(message, field, RuleSeverity.Blocking);

    /// <summary>A violation that lets the change through as a warning.</summary>
    public static Violation Advise(string message, string? field = null) => new(message, field, RuleSeverity.Advisory);

    /// <summary>No violations.</summary>
    public static IEnumerable<Violation> None => [];
}

/// <summary>What plugin code may use while it computes a field or checks a rule.</summary>
public class PluginContext(IConsortiumData data, DateOnly today, CancellationToken cancellationToken)
{
    /// <summary>Read-only consortium data.</summary>
    public IConsortiumData Data { get; } = data;

    /// <summary>Today's date by the server's clock.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>Cancelled when the request is.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
}

/// <summary>What a rule may use: the plugin context and which of the plugin's districts the change involves.</summary>
public sealed class RuleContext(IConsortiumData data, DateOnly today, string districtCode, CancellationToken cancellationToken)
    : PluginContext(data, today, cancellationToken)
{
    /// <summary>The code of the plugin's district the change involves.</summary>
    public string DistrictCode { get; } = districtCode;
}

/// <summary>
/// Read-only consortium data for plugin code. Every call is one database read, so ask for whole
/// batches (all the codes you need) rather than one item at a time.
/// </summary>
public interface IConsortiumData
{
    /// <summary>The districts with these codes; unknown codes are left out.</summary>
    Task<IReadOnlyList<DistrictView>> DistrictsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default);

    /// <summary>A district's published calendar days from <paramref name="from"/> to <paramref name="to"/> (at most 400 days).</summary>
    Task<IReadOnlyList<CalendarDayView>> CalendarAsync(string districtCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
