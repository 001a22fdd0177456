using Engine.Sql.Execution;

namespace Engine.Sql.Tests.Support;

/// <summary>
/// Records the statements a nested write runs and answers each with the rows scripted for its position, or with one row
/// holding <see cref="DefaultId"/>.
/// </summary>
internal sealed class ScriptedSession : IStatementSession
{
    public static readonly Guid DefaultId = Guid.Parse("0190a1b2-0000-7000-8000-0000000000ff");

    private readonly Dictionary<int, IReadOnlyList<object?[]>> answers = [];

    public List<SqlStatement> Statements { get; } = [];

    /// <summary>Answers the statement at <paramref name="index"/> (0 for the first) with <paramref name="rows"/>.</summary>
    public ScriptedSession Answer(int index, params object?[][] rows)
    {
        answers[index] = rows;
        return this;
    }

    public Task<IReadOnlyList<object?[]>> RunAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        var index = Statements.Count;
        Statements.Add(statement);
        return Task.FromResult(answers.TryGetValue(index, out var rows) ? rows : [[DefaultId]]);
    }
}
