using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace ConsortiumGraph.Graph;

/// <summary>
/// <c>Expression.Call(host, name, typeArguments, arguments)</c> for the LINQ operators (Where, OrderBy, Take,
/// Contains…) that loaders and pages put into the expression trees they build for every batch, with the method
/// found once per signature. Expression.Call searches every overload of the host by name and makes the generic
/// method on each call: in the dashboard's profile that was MethodInfo arrays and reflection in every page and batch.
/// </summary>
internal static class LinqCalls
{
    private static readonly ConcurrentDictionary<Signature, MethodInfo> Found = new();

    public static MethodCallExpression Call(Type host, string name, Type[] typeArguments, params Expression[] arguments)
    {
        var signature = new Signature(host, name, [.. typeArguments, .. arguments.Select(a => a.Type)]);
        if (Found.TryGetValue(signature, out var method)) return Expression.Call(method, arguments);
        var call = Expression.Call(host, name, typeArguments, arguments);
        Found.TryAdd(signature, call.Method);
        return call;
    }

    /// <summary>The host, the name and the types that decide which overload Expression.Call picks: type arguments, then argument types.</summary>
    private readonly record struct Signature(Type Host, string Name, Type[] Types)
    {
        public bool Equals(Signature other) => Host == other.Host && Name == other.Name && Types.AsSpan().SequenceEqual(other.Types);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Host);
            hash.Add(Name);
            foreach (var type in Types) hash.Add(type);
            return hash.ToHashCode();
        }
    }
}
