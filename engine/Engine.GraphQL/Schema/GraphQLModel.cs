namespace Engine.GraphQL.Schema;

/// <summary>The GraphQL artifact of a snapshot: the composed schema and the per-resource parts it was composed from.</summary>
/// <param name="Schema">The schema requests of this snapshot are validated and planned against.</param>
/// <param name="Parts">Each resource's part by resource name, for reuse by the next snapshot.</param>
public sealed record GraphQLModel(GqlSchema Schema, IReadOnlyDictionary<string, ResourceSchemaPart> Parts);
