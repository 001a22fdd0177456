using Engine.Metadata.Model;
using Engine.Runtime;

namespace Engine.GraphQL.Schema;

/// <summary>
/// Compiles a metadata version into a <see cref="GraphQLModel"/>, rebuilding only the parts of resources that changed
/// (by definition identity of the resource and its relation targets) and re-composing the schema.
/// </summary>
public sealed class GraphQLSnapshotCompiler : ISnapshotCompiler
{
    /// <inheritdoc/>
    public Type ArtifactType => typeof(GraphQLModel);

    /// <inheritdoc/>
    public object Compile(SchemaModel model, EngineSnapshot? previous) => Compile(model, previous?.TryArtifact<GraphQLModel>());

    /// <summary>Compiles <paramref name="model"/>, reusing the parts of <paramref name="previous"/> that are still up to date.</summary>
    public static GraphQLModel Compile(SchemaModel model, GraphQLModel? previous)
    {
        var parts = new Dictionary<string, ResourceSchemaPart>(model.Resources.Count, StringComparer.Ordinal);
        var ordered = new ResourceSchemaPart[model.Resources.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            var resource = model.Resources[i];
            var part = previous is not null && previous.Parts.TryGetValue(resource.Name, out var old) && old.IsUpToDate(resource, model)
                ? old
                : OpenCrudSchemaBuilder.BuildResource(resource, model);
            parts.Add(resource.Name, part);
            ordered[i] = part;
        }

        return new GraphQLModel(OpenCrudSchemaBuilder.Compose(ordered), parts, model);
    }
}
