using Engine.Metadata.Model;

namespace Engine.Runtime;

/// <summary>
/// Compiles one protocol's artifact (e.g. the GraphQL schema) from a metadata version. Registered in DI by each
/// protocol; the runtime calls every compiler when a version arrives and stores the results in the snapshot.
/// </summary>
public interface ISnapshotCompiler
{
    /// <summary>The artifact's type, the key of <see cref="EngineSnapshot.Artifact{T}"/>.</summary>
    Type ArtifactType { get; }

    /// <summary>
    /// Compiles the artifact for <paramref name="model"/>. <paramref name="previous"/> is the snapshot being replaced
    /// (null at start): reuse what it compiled for resources whose definitions did not change.
    /// </summary>
    object Compile(SchemaModel model, EngineSnapshot? previous);
}
