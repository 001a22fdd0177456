using Engine.Grpc.Descriptors;
using Engine.Metadata.Model;
using Engine.Runtime;
using Google.Protobuf.Reflection;

namespace Engine.Grpc.Reflection;

/// <summary>
/// Compiles a metadata version into a <see cref="GrpcModel"/>. A resource's part is reused while its
/// <see cref="ResourceModel"/> object is the same (the runtime keeps it when neither the resource nor its relation
/// targets changed; a removed field changes the definition, so reserved numbers cannot go stale); only the registry
/// is re-indexed.
/// </summary>
/// <param name="reserved">The reserved numbers and names of a resource's removed fields; from the model
/// (<see cref="ReservedFields.Of"/>) when null.</param>
/// <param name="servedFiles">Files of statically generated services served next to the resources (health,
/// reflection), so reflection lists and describes them too; their imports are registered with them.</param>
public sealed class GrpcSnapshotCompiler(Func<ResourceModel, ReservedFields>? reserved = null, IEnumerable<FileDescriptor>? servedFiles = null)
    : ISnapshotCompiler
{
    private readonly RegisteredFile[] staticFiles = StaticFiles(servedFiles ?? []);

    /// <inheritdoc/>
    public Type ArtifactType => typeof(GrpcModel);

    /// <inheritdoc/>
    public object Compile(SchemaModel model, EngineSnapshot? previous) => Build(model, previous?.TryArtifact<GrpcModel>());

    /// <summary>Compiles <paramref name="model"/>, reusing the parts of <paramref name="previous"/> whose resource is unchanged.</summary>
    public GrpcModel Build(SchemaModel model, GrpcModel? previous)
    {
        ArgumentNullException.ThrowIfNull(model);
        var resources = new Dictionary<string, GrpcResource>(model.Resources.Count, StringComparer.Ordinal);
        var files = new List<RegisteredFile>(model.Resources.Count + staticFiles.Length);
        foreach (var resource in model.Resources)
        {
            var part = previous is not null && previous.Resources.TryGetValue(resource.Name, out var old) && ReferenceEquals(old.Descriptors.Resource, resource)
                ? old
                : Build(resource);
            resources.Add(resource.Name, part);
            files.Add(part.File);
        }

        files.AddRange(staticFiles);
        return new GrpcModel(resources, new DescriptorRegistry(files));
    }

    private GrpcResource Build(ResourceModel resource)
    {
        var descriptors = ResourceDescriptorBuilder.Build(resource, (reserved ?? ReservedFields.Of)(resource));
        return new GrpcResource(descriptors, RegisteredFile.From(descriptors.File, descriptors.Bytes));
    }

    /// <summary>The well-known types resource files may import, then the served files with their transitive imports.</summary>
    private static RegisteredFile[] StaticFiles(IEnumerable<FileDescriptor> served)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<RegisteredFile>();
        foreach (var file in served)
        {
            Add(file);
        }

        foreach (var file in WellKnownFiles.ByName.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            Add(file);
        }

        return files.ToArray();

        void Add(FileDescriptor file)
        {
            if (!seen.Add(file.Name))
            {
                return;
            }

            files.Add(RegisteredFile.From(file));
            foreach (var dependency in file.Dependencies)
            {
                Add(dependency);
            }
        }
    }
}
