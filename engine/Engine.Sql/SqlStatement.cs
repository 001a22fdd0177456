using Npgsql;

namespace Engine.Sql;

/// <summary>
/// One PostgreSQL statement compiled from a root plan. Its first column is the JSON of the field (no row, or SQL
/// NULL, means JSON <c>null</c>); when <see cref="ConnectChecks"/> is not empty a second column holds the index of
/// the first connect whose target was not found, or NULL.
/// </summary>
/// <param name="Text">SQL with positional parameters (<c>$1</c>, <c>$2</c>, …).</param>
/// <param name="Parameters">The values of the positional parameters, in order.</param>
/// <param name="ConnectChecks">The connects looked up by a unique filter, in the order the second column numbers them.</param>
public sealed record SqlStatement(string Text, IReadOnlyList<NpgsqlParameter> Parameters, IReadOnlyList<ConnectCheck> ConnectChecks)
{
    /// <summary>
    /// True when the last column holds the access check of the rows the write wrote (plans rewritten for access
    /// rules): NULL when it wrote none, false when one of them is outside the rows its rules allow.
    /// </summary>
    public bool HasWriteCheck { get; init; }
}

/// <summary>A <c>connect</c> whose target is looked up inside the statement, so a missing target can be reported as NOT_FOUND.</summary>
/// <param name="Relation">The to-one relation being connected.</param>
/// <param name="Target">The resource the relation points at.</param>
/// <param name="InputPath">Where the connect was in the input (e.g. <c>data.author</c>).</param>
public sealed record ConnectCheck(Engine.Metadata.Model.FieldModel Relation, Engine.Metadata.Model.ResourceModel Target, string InputPath);
