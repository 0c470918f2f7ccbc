using ConsortiumGraph.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConsortiumGraph.Bench;

/// <summary>Where a benchmark's data lives: a provider and the connection string the server is given.</summary>
public sealed record BenchDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public static BenchDatabase Sqlite(string file) => new(DatabaseProvider.Sqlite, $"Data Source={file}");

    public static BenchDatabase PostgreSql(string server, string database) =>
        new(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string Name => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>The settings that point a server (this host or the real one) at the database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", Provider.ToString()),
        new("ConnectionStrings:Consortium", ConnectionString),
    ];

    public async Task<bool> ExistsAsync()
    {
        if (Provider == DatabaseProvider.Sqlite) return File.Exists(Name);
        await using var connection = await OpenMaintenanceAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection) { Parameters = { new("name", Name) } };
        return await command.ExecuteScalarAsync() is not null;
    }

    /// <summary>
    /// Replaces <paramref name="copy"/> with a copy of this database: a file copy on SQLite, <c>CREATE
    /// DATABASE … TEMPLATE</c> on PostgreSQL (a file-level copy too, seconds at national size).
    /// </summary>
    public async Task CopyToAsync(BenchDatabase copy)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(copy.Name + suffix);
            File.Copy(Name, copy.Name);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenMaintenanceAsync();
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{copy.Name}\" WITH (FORCE)", $"CREATE DATABASE \"{copy.Name}\" TEMPLATE \"{Name}\"" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The database's size on disk, in MB.</summary>
    public async Task<long> SizeMbAsync()
    {
        if (Provider == DatabaseProvider.Sqlite) return new FileInfo(Name).Length / 1_048_576;
        await using var connection = await OpenMaintenanceAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(@name)", connection) { Parameters = { new("name", Name) } };
        return (long)(await command.ExecuteScalarAsync())! / 1_048_576;
    }

    /// <summary>The server's own <c>postgres</c> database: for creating, copying and dropping the others.</summary>
    private Task<NpgsqlConnection> OpenMaintenanceAsync() => OpenAsync(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);

    /// <summary>A connection to this database outside the server's pool, for the benchmark's own statistics.</summary>
    public Task<NpgsqlConnection> OpenStatisticsAsync() => OpenAsync(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
