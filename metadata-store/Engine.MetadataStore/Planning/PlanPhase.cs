namespace Engine.MetadataStore.Planning;

/// <summary>
/// The order steps run in, whatever order the planner finds them: everything that stands in the way is removed
/// first (foreign keys before the tables they point at), then tables exist before the foreign keys and join
/// tables that reference them, and indexes come last.
/// </summary>
internal enum PlanPhase
{
    CreateSchema,
    DropForeignKeys,
    DropJoinTables,
    DropIndexes,
    DropConstraints,
    DropColumns,
    DropTables,
    CreateTables,
    AddColumns,
    AlterTypes,
    AlterColumns,
    AddConstraints,
    CreateJoinTables,
    AddForeignKeys,
    CreateIndexes,
}
