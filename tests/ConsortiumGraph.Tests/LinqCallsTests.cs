using System.Linq.Expressions;
using ConsortiumGraph.Graph;
using Xunit;

namespace ConsortiumGraph.Tests;

/// <summary>LinqCalls finds each LINQ operator once per signature, and must pick the overload Expression.Call picks.</summary>
public sealed class LinqCallsTests
{
    public static TheoryData<string, Type, string, Type[], Expression[]> Calls()
    {
        var numbers = Expression.Constant(new[] { 3, 1, 2 }.AsEnumerable());
        var queried = Expression.Constant(new[] { 3, 1, 2 }.AsQueryable());
        Expression<Func<int, bool>> odd = n => n % 2 == 1;
        Expression<Func<int, int, bool>> oddPosition = (n, i) => i % 2 == 1; // Where's other overload: same name, same type argument
        Expression<Func<int, string>> text = n => n.ToString();
        return new()
        {
            { "Enumerable.Where", typeof(Enumerable), "Where", [typeof(int)], [numbers, odd] },
            { "Enumerable.Where with the index", typeof(Enumerable), "Where", [typeof(int)], [numbers, oddPosition] },
            { "Queryable.Where", typeof(Queryable), "Where", [typeof(int)], [queried, Expression.Quote(odd)] },
            { "Queryable.Where with the index", typeof(Queryable), "Where", [typeof(int)], [queried, Expression.Quote(oddPosition)] },
            { "Queryable.OrderBy", typeof(Queryable), "OrderBy", [typeof(int), typeof(string)], [queried, Expression.Quote(text)] },
            { "Enumerable.Take", typeof(Enumerable), "Take", [typeof(int)], [numbers, Expression.Constant(2)] },
            { "Enumerable.Take of a range", typeof(Enumerable), "Take", [typeof(int)], [numbers, Expression.Constant(..2)] },
            { "Enumerable.Contains", typeof(Enumerable), "Contains", [typeof(int)], [numbers, Expression.Constant(2)] },
            { "Enumerable.Count", typeof(Enumerable), "Count", [typeof(int)], [numbers] },
        };
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void Picks_the_method_Expression_Call_picks(string call, Type host, string name, Type[] typeArguments, Expression[] arguments)
    {
        var expected = Expression.Call(host, name, typeArguments, arguments).Method;
        // Every signature is found first, so this one is taken from what was found, where the other overloads
        // of the same name (Where with the index, Take of a range) must not stand in for it.
        foreach (var other in Calls())
            LinqCalls.Call((Type)other[1], (string)other[2], (Type[])other[3], (Expression[])other[4]);
        var found = LinqCalls.Call(host, name, typeArguments, arguments);
        Assert.True(expected == found.Method, $"{call}: {found.Method} instead of {expected}");
        Assert.Equal(arguments, found.Arguments);
    }
}
