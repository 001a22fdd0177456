using System.Text.Json.Serialization;
using Engine.Metadata.Model;
using Engine.MetadataStore.Planning;

namespace Engine.MetadataStore.Store;

/// <summary>
/// A CockroachDB change whose DDL is running (or was, when its pod died): written before the first step, deleted in
/// the transaction that commits its version, so whoever finds it knows a change is half-way and can finish it
/// (<see cref="Steps"/> again, each idempotent, then the version) or take it back (<see cref="Undo"/>).
/// </summary>
internal sealed record PendingChange(
    [property: JsonPropertyName("fromVersion")] long FromVersion,
    [property: JsonPropertyName("author")] string Author,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("steps")] IReadOnlyList<MigrationStep> Steps,
    [property: JsonPropertyName("undo")] IReadOnlyList<MigrationStep> Undo,
    [property: JsonPropertyName("resources")] IReadOnlyList<PendingResource> Resources,
    [property: JsonPropertyName("fieldNumbers")] IReadOnlyList<PendingFieldNumber> FieldNumbers,
    [property: JsonPropertyName("enumNumbers")] IReadOnlyList<PendingEnumNumber> EnumNumbers)
{
    /// <summary>What a prepared change will write.</summary>
    public static PendingChange From(PreparedChange prepared) => new(
        prepared.Version,
        prepared.Change.Author,
        prepared.Summary,
        prepared.Plan.Steps,
        prepared.Undo.Steps,
        prepared.Changes.Resources.Select(r => new PendingResource(r.Name, r.Json)).ToArray(),
        prepared.Numbering.NewNumbers.Select(n => new PendingFieldNumber(n.Resource, n.Number.Number, n.Number.Field)).ToArray(),
        prepared.Numbering.NewEnumNumbers.Select(n => new PendingEnumNumber(n.Resource, n.Field, n.Number.Number, n.Number.Value)).ToArray());

    /// <summary>The changed resources as the version row writer takes them.</summary>
    public ChangeSet ToChangeSet() => ChangeSet.Of(Resources
        .Select(r => new ResourceChange(r.Name, r.Json is null ? null : DefinitionJson.Deserialize(r.Json), r.Json, false, [], [], []))
        .ToArray());

    /// <summary>The field numbers as the version row writer takes them.</summary>
    public IReadOnlyList<(string Resource, FieldNumber Number)> NewNumbers() =>
        FieldNumbers.Select(n => (n.Resource, new FieldNumber(n.Number, n.Field))).ToArray();

    /// <summary>The enum value numbers as the version row writer takes them.</summary>
    public IReadOnlyList<(string Resource, string Field, EnumValueNumber Number)> NewEnumNumbers() =>
        EnumNumbers.Select(n => (n.Resource, n.Field, new EnumValueNumber(n.Number, n.Value))).ToArray();
}

/// <summary>A resource the change writes: its definition JSON, null when deleted.</summary>
internal sealed record PendingResource([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("json")] string? Json);

/// <summary>A field number given for the first time.</summary>
internal sealed record PendingFieldNumber(
    [property: JsonPropertyName("resource")] string Resource, [property: JsonPropertyName("number")] int Number, [property: JsonPropertyName("field")] string Field);

/// <summary>An enum value number given for the first time.</summary>
internal sealed record PendingEnumNumber(
    [property: JsonPropertyName("resource")] string Resource,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("value")] string Value);
