using System.Collections.Frozen;

namespace Engine.GraphQL.Schema;

/// <summary>An immutable GraphQL schema: named types by name and the root operation types.</summary>
public sealed class GqlSchema
{
    /// <summary>Builds a schema; <paramref name="types"/> must contain the root types and every referenced type.</summary>
    public GqlSchema(IReadOnlyDictionary<string, GqlNamedType> types, string queryType, string? mutationType, string? subscriptionType)
    {
        Types = types as FrozenDictionary<string, GqlNamedType> ?? types.ToFrozenDictionary(StringComparer.Ordinal);
        Query = (GqlObjectType)Types[queryType];
        Mutation = mutationType is null ? null : (GqlObjectType)Types[mutationType];
        Subscription = subscriptionType is null ? null : (GqlObjectType)Types[subscriptionType];
    }

    /// <summary>Every named type by name.</summary>
    public FrozenDictionary<string, GqlNamedType> Types { get; }

    /// <summary>The <c>Query</c> root type.</summary>
    public GqlObjectType Query { get; }

    /// <summary>The <c>Mutation</c> root type, if any.</summary>
    public GqlObjectType? Mutation { get; }

    /// <summary>The <c>Subscription</c> root type, if any.</summary>
    public GqlObjectType? Subscription { get; }

    /// <summary>The directives this schema supports: the specification's standard ones.</summary>
    public IReadOnlyList<GqlDirective> Directives => GqlDirective.Standard;

    /// <summary>The directive with this name (without <c>@</c>), or null.</summary>
    public GqlDirective? Directive(string name) => GqlDirective.StandardByName.GetValueOrDefault(name);

    /// <summary>The named type, or null.</summary>
    public GqlNamedType? Type(string name) => Types.GetValueOrDefault(name);
}
