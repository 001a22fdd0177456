namespace Engine.Sql.Execution;

/// <summary>Runs the statements of one transaction one at a time and hands back their rows (a seam for tests of the statement sequence).</summary>
internal interface IStatementSession
{
    /// <summary>Runs <paramref name="statement"/> and returns every row, each as its column values (SQL NULL as null).</summary>
    Task<IReadOnlyList<object?[]>> RunAsync(SqlStatement statement, CancellationToken cancellationToken);
}
