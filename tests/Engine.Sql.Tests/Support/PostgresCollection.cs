using Engine.Testing;

namespace Engine.Sql.Tests.Support;

/// <summary>The test classes that share one real PostgreSQL database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "postgres";
}
