using Npgsql;

namespace Engine.Sql.Execution;

/// <summary>Runs statements on one connection inside one transaction.</summary>
internal sealed class NpgsqlStatementSession(NpgsqlConnection connection, NpgsqlTransaction transaction) : IStatementSession
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<object?[]>> RunAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(statement.Text, connection, transaction);
        foreach (var parameter in statement.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, cancellationToken).ConfigureAwait(false) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
