using Engine.Metadata.Model;
using Engine.Runtime;

namespace Engine.Grpc.Serving;

/// <summary>
/// Compiles each metadata version's <see cref="GrpcServices"/>, reusing a resource's part while its
/// <see cref="ResourceModel"/> object is unchanged, and hands the version to <paramref name="endpoints"/> so routing
/// follows it (services added, replaced and removed).
/// </summary>
public sealed class GrpcServicesCompiler(ResourceServiceEndpoints endpoints) : ISnapshotCompiler
{
    /// <inheritdoc/>
    public Type ArtifactType => typeof(GrpcServices);

    /// <inheritdoc/>
    public object Compile(SchemaModel model, EngineSnapshot? previous)
    {
        ArgumentNullException.ThrowIfNull(model);
        var old = previous?.TryArtifact<GrpcServices>();
        var resources = new Dictionary<string, CompiledResource>(model.Resources.Count, StringComparer.Ordinal);
        foreach (var resource in model.Resources)
        {
            resources.Add(resource.Name, old is not null && old.Resources.TryGetValue(resource.Name, out var part) && ReferenceEquals(part.Resource, resource)
                ? part
                : new CompiledResource(resource, model));
        }

        var services = new GrpcServices(resources);
        endpoints.Publish(model.Resources);
        return services;
    }
}
