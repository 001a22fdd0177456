using Engine.Testing;

namespace Engine.MetadataStore.Tests.Store;

/// <summary>A database whose store was migrated the CockroachDB way (its own scripts, leases, pending changes).</summary>
[CollectionDefinition(Name)]
public class CockroachStoreCollection : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "cockroach-dialect store database";
}
