using Xunit;
using Npgsql;

namespace Engine.Testing;

/// <summary>
/// A fresh database on the project-local PostgreSQL that scripts/test starts (ENGINE_TEST_PG), created for one
/// test collection and dropped afterwards. Tests in the collection share it and make their own uniquely named
/// resources, so they run in any order.
/// </summary>
public class PostgresDatabase : IAsyncLifetime
{
    /// <summary>Where the tests' PostgreSQL listens; scripts/services.sh exports it.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ENGINE_TEST_PG") ?? "Host=127.0.0.1;Port=55433;Username=postgres";

    /// <summary>The database's name (unique per fixture instance).</summary>
    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Connection string of this test database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString)
    {
        Database = Name,
        Timezone = "UTC",
    }.ConnectionString;

    /// <summary>A data source over this database, shared by the collection.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" };
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one SQL statement and returns its single value.</summary>
    public async Task<object?> ScalarAsync(string sql, params object[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
