using Npgsql;

namespace Engine.MetadataStore.Schema;

/// <summary>Runs one statement inside the store's transaction, with positional parameters.</summary>
internal static class StoreCommands
{
    /// <summary>Executes <paramref name="sql"/> with <paramref name="parameters"/> as $1, $2, … .</summary>
    public static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
