using System.Collections.Frozen;
using Engine.Metadata.Model;

namespace Engine.Runtime;

/// <summary>
/// Everything compiled from one metadata version: the resolved model plus one artifact per protocol (the GraphQL
/// schema and document cache, the gRPC descriptors, ...). Immutable; a new version is a new snapshot, swapped in
/// atomically by <see cref="SnapshotHolder"/>, so a request sees one version from start to end.
/// </summary>
public sealed class EngineSnapshot
{
    private readonly FrozenDictionary<Type, object> artifacts;

    /// <summary>Builds a snapshot over a model and the artifacts compiled from it.</summary>
    public EngineSnapshot(SchemaModel model, IReadOnlyDictionary<Type, object> artifacts)
    {
        Model = model;
        this.artifacts = artifacts.ToFrozenDictionary();
    }

    /// <summary>The metadata version.</summary>
    public long Version => Model.Version;

    /// <summary>The resolved resources.</summary>
    public SchemaModel Model { get; }

    /// <summary>The artifact a compiler of type <typeparamref name="T"/>'s protocol produced.</summary>
    public T Artifact<T>()
        where T : class => (T)artifacts[typeof(T)];

    /// <summary>The artifact of type <typeparamref name="T"/>, or null when no compiler produced one.</summary>
    public T? TryArtifact<T>()
        where T : class => artifacts.TryGetValue(typeof(T), out var a) ? (T)a : null;
}
