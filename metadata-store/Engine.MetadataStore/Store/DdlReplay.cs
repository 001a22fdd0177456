using Npgsql;

namespace Engine.MetadataStore.Store;

/// <summary>Which DDL errors mean "this step had already run" or "there is nothing to undo" when a change is replayed.</summary>
internal static class DdlReplay
{
    /// <summary>The object a step creates exists already (duplicate schema, table, column, constraint, trigger, index).</summary>
    public static bool IsAlreadyDone(PostgresException error) => error.SqlState is
        PostgresErrorCodes.DuplicateSchema or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateColumn
        or PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.DuplicateAlias;

    /// <summary>The object a step changes or drops does not exist (so a step undoing its creation has nothing to do).</summary>
    public static bool IsAlreadyGone(PostgresException error) => error.SqlState is
        PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedObject;
}
