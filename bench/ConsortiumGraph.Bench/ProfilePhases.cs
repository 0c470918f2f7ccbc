using System.Text.RegularExpressions;

namespace ConsortiumGraph.Bench;

/// <summary>
/// Where a read's CPU goes, by phase, from the samples of <c>perf script -F comm,ip,sym</c> (bench/profile records
/// them while the probe times one side of one operation). A sample belongs to the code that owns the innermost frame
/// of its stack that is not the runtime's own (CoreLib, allocation and cast helpers, locks): SQLite, the ADO.NET
/// provider, EF Core, GraphQL.NET, JSON, or ours. EF Core's time is split by what its stack is doing.
/// </summary>
public static class ProfilePhases
{
    /// <summary>Who owns a frame, tested in this order; a frame matching none is the runtime's, and the next frame out decides.</summary>
    private static readonly (string Owner, Regex Frame)[] Owners =
    [
        ("SQLite engine (prepare and run)", new Regex(@"libe_sqlite3|sqlite3|SQLitePCL", RegexOptions.Compiled)),
        ("ADO.NET provider", new Regex(@"Microsoft\.Data\.Sqlite|Npgsql", RegexOptions.Compiled)),
        ("EF Core", new Regex(@"EntityFrameworkCore", RegexOptions.Compiled)),
        ("GraphQL.NET validation", new Regex(@"GraphQL\.Validation", RegexOptions.Compiled)),
        ("JSON writing", new Regex(@"System\.Text\.Json|GraphQLSerializer|ExecutionResultJsonConverter", RegexOptions.Compiled)),
        ("GraphQL.NET execution", new Regex(@"\[GraphQL\]|\[GraphQLParser\]|GraphQL\.DataLoader", RegexOptions.Compiled)),
        ("caller resolution", new Regex(@"ConsortiumGraph\.Access", RegexOptions.Compiled)),
        ("our loaders and resolvers (GraphQL) or queries (baseline)", new Regex(@"ConsortiumGraph\.", RegexOptions.Compiled)),
    ];

    /// <summary>What EF Core's frames are doing, by the first of these its stack shows.</summary>
    private static readonly (string Phase, Regex Stack)[] EntityFrameworkPhases =
    [
        ("EF Core: SQL generation", new Regex(@"RelationalCommandCache|SqlNullabilityProcessor|QuerySqlGenerator|ParameterBasedSql", RegexOptions.Compiled)),
        ("EF Core: query cache and parameters", new Regex(@"CompiledQueryCache|ExpressionTreeFuncletizer|ExpressionEqualityComparer|QueryCompiler", RegexOptions.Compiled)),
    ];

    /// <summary>Reads perf script output and prints the share of samples per phase.</summary>
    public static async Task<int> RunAsync(TextReader input, TextWriter output)
    {
        var counts = new Dictionary<string, int>();
        var (total, stack) = (0, new List<string>());
        void Count()
        {
            if (stack.Count == 0) return;
            total++;
            var phase = Classify(stack[0], stack.Skip(1).ToList());
            counts[phase] = counts.GetValueOrDefault(phase) + 1;
            stack.Clear();
        }
        while (await input.ReadLineAsync() is { } line)
        {
            if (line.Trim().Length == 0) Count();
            else stack.Add(line);
        }
        Count();
        if (total == 0)
        {
            await Console.Error.WriteLineAsync("phases: no samples on standard input (expected `perf script -F comm,ip,sym` output).");
            return 1;
        }
        await output.WriteLineAsync(FormattableString.Invariant($"{total:N0} samples"));
        foreach (var (phase, count) in counts.OrderByDescending(c => c.Value))
            await output.WriteLineAsync(FormattableString.Invariant($"{100.0 * count / total,6:N1}%  {phase}"));
        return 0;
    }

    /// <summary>The phase of one sample: its thread's when that is the runtime's own (GC, tiered compilation), else its innermost owned frame's.</summary>
    public static string Classify(string thread, IReadOnlyList<string> frames)
    {
        if (thread.Contains(" GC", StringComparison.Ordinal)) return "garbage collection threads";
        if (thread.Contains("Tiered Com", StringComparison.Ordinal)) return "JIT (tiered compilation)";
        foreach (var frame in frames)
        {
            foreach (var (owner, pattern) in Owners)
            {
                if (!pattern.IsMatch(frame)) continue;
                if (owner != "EF Core") return owner;
                var text = string.Join('\n', frames);
                return EntityFrameworkPhases.FirstOrDefault(p => p.Stack.IsMatch(text)).Phase ?? "EF Core: the rest (materializing, commands)";
            }
        }
        return "runtime only (allocation, locks, kernel, unresolved)";
    }
}
