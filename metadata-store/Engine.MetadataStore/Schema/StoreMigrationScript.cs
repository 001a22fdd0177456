namespace Engine.MetadataStore.Schema;

/// <summary>One numbered script of the store's own schema.</summary>
internal sealed record StoreMigrationScript(int Id, string Name, string Sql);
