using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Tests;

/// <summary>Each provider's migrations describe the current model exactly; no server is contacted.</summary>
public sealed class ModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=model_check")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=model_check;TrustServerCertificate=true")]
    public void Migrations_have_no_pending_model_changes(DatabaseProvider provider, string connectionString)
    {
        using var db = DatabaseProviders.Create(provider, connectionString);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model changed without a migration: dotnet ef migrations add <Name> --project src/ConsortiumGraph.Server --context {provider}ConsortiumDb --output-dir Data/Migrations/{provider}");
    }
}
