using Engine.Testing;

namespace Engine.MetadataStore.Tests.Store;

/// <summary>The store tests share one database; each makes its own uniquely named resources.</summary>
[CollectionDefinition(Name)]
public class MetadataStoreCollection : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "metadata store database";
}
