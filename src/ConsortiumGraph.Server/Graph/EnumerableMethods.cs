using System.Collections.Concurrent;
using System.Reflection;

namespace ConsortiumGraph.Graph;

/// <summary>
/// The <see cref="Enumerable"/> methods the loaders put into the expression trees they build for every batch,
/// made once per element type. <c>Expression.Call(typeof(Enumerable), name, …)</c> searches every overload of
/// Enumerable by name and makes the generic method on each call, that is once per batch.
/// </summary>
internal static class EnumerableMethods
{
    private static readonly MethodInfo WhereDefinition = Definition(new Func<IEnumerable<int>, Func<int, bool>, IEnumerable<int>>(Enumerable.Where));
    private static readonly MethodInfo ToListDefinition = Definition(new Func<IEnumerable<int>, List<int>>(Enumerable.ToList));
    private static readonly MethodInfo CountDefinition = Definition(new Func<IEnumerable<int>, int>(Enumerable.Count));
    private static readonly MethodInfo ContainsDefinition = Definition(new Func<IEnumerable<int>, int, bool>(Enumerable.Contains));
    private static readonly ConcurrentDictionary<(MethodInfo, Type), MethodInfo> Made = new();

    /// <summary><c>Enumerable.Where&lt;element&gt;(source, predicate)</c>.</summary>
    public static MethodInfo Where(Type element) => Make(WhereDefinition, element);
    /// <summary><c>Enumerable.ToList&lt;element&gt;(source)</c>.</summary>
    public static MethodInfo ToList(Type element) => Make(ToListDefinition, element);
    /// <summary><c>Enumerable.Count&lt;element&gt;(source)</c>.</summary>
    public static MethodInfo Count(Type element) => Make(CountDefinition, element);
    /// <summary><c>Enumerable.Contains&lt;element&gt;(source, value)</c>.</summary>
    public static MethodInfo Contains(Type element) => Make(ContainsDefinition, element);

    private static MethodInfo Definition(Delegate method) => method.Method.GetGenericMethodDefinition();

    private static MethodInfo Make(MethodInfo definition, Type element) =>
        Made.GetOrAdd((definition, element), static key => key.Item1.MakeGenericMethod(key.Item2));
}
