using ConsortiumGraph.Bench;

namespace ConsortiumGraph.Tests;

/// <summary>bench/profile's phases: a sample belongs to the innermost frame that is not the runtime's own.</summary>
public sealed class ProfilePhasesTests
{
    private const string Thread = ".NET TP Worker ";
    private const string CastHelper = "\t    7fe2 object [System.Private.CoreLib] System.Runtime.CompilerServices.CastHelpers::IsInstanceOfClass(void*,object)[OptimizedTier1] (/tmp/perf-1.map)";
    private const string Nullability = "\t    7fe3 instance class Microsoft.EntityFrameworkCore.Query.SqlExpressions.SelectExpression [Microsoft.EntityFrameworkCore.Relational] Microsoft.EntityFrameworkCore.Query.SqlNullabilityProcessor::Visit(class Microsoft.EntityFrameworkCore.Query.SqlExpressions.SelectExpression,bool)[OptimizedTier1] (/tmp/perf-1.map)";
    private const string Shaper = "\t    7fe4 instance void [Microsoft.EntityFrameworkCore.Relational] Microsoft.EntityFrameworkCore.Query.Internal.SingleQueryingEnumerable`1+AsyncEnumerator+<MoveNextAsync>d__20[System.__Canon]::MoveNext()[OptimizedTier1] (/tmp/perf-1.map)";
    private const string Loader = "\t    7fe5 instance void [ConsortiumGraph.Server] ConsortiumGraph.Graph.RowsByKey`1+<>c__DisplayClass5_1+<<Load>b__1>d[System.__Canon]::MoveNext()[OptimizedTier1] (/tmp/perf-1.map)";
    private const string Strategy = "\t    7fe6 instance void [GraphQL] GraphQL.Execution.ParallelExecutionStrategy+<ExecuteNodeTreeAsync>d__7::MoveNext()[OptimizedTier1] (/tmp/perf-1.map)";
    private const string Execution = "\t    7fe7 instance void [ConsortiumGraph.Server] ConsortiumGraph.Graph.GraphQLExecution+<ExecuteAsync>d__3::MoveNext()[OptimizedTier1] (/tmp/perf-1.map)";
    private const string Sqlite = "\t          1b886 yy_find_shift_action (/usr/lib/libe_sqlite3.so)";

    [Fact]
    public void A_sample_belongs_to_its_innermost_frame_that_is_not_the_runtime()
    {
        Assert.Equal("GraphQL.NET execution", ProfilePhases.Classify(Thread, [CastHelper, Strategy, Execution]));
        Assert.Equal("our loaders and resolvers (GraphQL) or queries (baseline)", ProfilePhases.Classify(Thread, [CastHelper, Loader, Strategy, Execution]));
        Assert.Equal("SQLite engine (prepare and run)", ProfilePhases.Classify(Thread, [Sqlite, Shaper, Loader, Strategy]));
        Assert.Equal("runtime only (allocation, locks, kernel, unresolved)", ProfilePhases.Classify(Thread, [CastHelper]));
    }

    [Fact]
    public void EF_Core_time_is_split_by_what_its_stack_is_doing()
    {
        Assert.Equal("EF Core: SQL generation", ProfilePhases.Classify(Thread, [CastHelper, Nullability, Shaper, Loader]));
        Assert.Equal("EF Core: the rest (materializing, commands)", ProfilePhases.Classify(Thread, [Shaper, Loader]));
    }

    [Fact]
    public void The_runtime_threads_are_their_own_phases()
    {
        Assert.Equal("garbage collection threads", ProfilePhases.Classify(".NET Server GC ", [CastHelper]));
        Assert.Equal("JIT (tiered compilation)", ProfilePhases.Classify(".NET Tiered Com ", [Strategy]));
    }

    [Fact]
    public async Task The_report_gives_each_phase_its_share_of_the_samples()
    {
        var script = string.Join('\n', Thread, Sqlite, Shaper, "", Thread, CastHelper, Strategy, "", Thread, Sqlite, Loader, "", Thread, Loader, "");
        var output = new StringWriter();
        Assert.Equal(0, await ProfilePhases.RunAsync(new StringReader(script), output));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        Assert.Equal("4 samples", lines[0]);
        Assert.Contains("50.0%  SQLite engine (prepare and run)", lines);
        Assert.Contains("25.0%  GraphQL.NET execution", lines);
        Assert.Contains("25.0%  our loaders and resolvers (GraphQL) or queries (baseline)", lines);
        Assert.Equal(1, await ProfilePhases.RunAsync(new StringReader(""), new StringWriter()));
    }
}
