using System.Text.Json.Serialization;

namespace Engine.MetadataStore.Planning;

/// <summary>One DDL statement of a migration plan, with what it does in words and whether it can lose data.</summary>
/// <param name="Kind">One of <see cref="MigrationStepKinds"/>.</param>
/// <param name="Table">The table it changes (unquoted, in the data schema); the schema's name for <c>createSchema</c>.</param>
/// <param name="Column">The column it changes, when it changes one.</param>
/// <param name="Description">A sentence for the admin reading the plan.</param>
/// <param name="Sql">The DDL statement.</param>
/// <param name="Destructive">True when the step drops stored data or may change or reject existing values.</param>
/// <param name="Path">The metadata path it comes from, e.g. <c>resources[Invoice].fields[2]</c>.</param>
public sealed record MigrationStep(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("table")] string Table,
    [property: JsonPropertyName("column")] string? Column,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("sql")] string Sql,
    [property: JsonPropertyName("destructive")] bool Destructive,
    [property: JsonPropertyName("path")] string? Path);
