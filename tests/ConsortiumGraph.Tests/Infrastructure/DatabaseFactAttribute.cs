using Xunit.Abstractions;
using Xunit.Sdk;

namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>Marks a test class whose server runs on PostgreSQL.</summary>
public interface IPostgreSqlSuite;

/// <summary>
/// A fact that runs against a real database. In a PostgreSQL suite it is skipped, with the reason,
/// when no server is configured (locally); CI always configures one.
/// </summary>
[XunitTestCaseDiscoverer("ConsortiumGraph.Tests.Infrastructure.DatabaseFactDiscoverer", "ConsortiumGraph.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;

public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (typeof(IPostgreSqlSuite).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) && PostgreSqlServer.ServerConnectionString is null)
            return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod, $"No PostgreSQL server configured: set {PostgreSqlServer.Variable} to a connection string (.ci/run does).")];
        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
