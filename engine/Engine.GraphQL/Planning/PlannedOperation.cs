using GraphQLParser.AST;

namespace Engine.GraphQL.Planning;

/// <summary>An operation ready to run: its definition and its root fields in response order.</summary>
/// <param name="Definition">The operation as written (introspection reads its variable defaults).</param>
/// <param name="RootTypeName">The root type's name (<c>Query</c> or <c>Mutation</c>).</param>
/// <param name="Entries">One entry per response key of the root selection, in order.</param>
public sealed record PlannedOperation(GraphQLOperationDefinition Definition, string RootTypeName, IReadOnlyList<RootEntry> Entries)
{
    /// <summary>Query or mutation (subscriptions are not planned here).</summary>
    public OperationType Kind => Definition.Operation;
}

/// <summary>One root field of an operation; <see cref="Key"/> is its response key (alias or name).</summary>
public abstract record RootEntry(string Key);

/// <summary>A resource root field: runs <see cref="Plan"/> against the database.</summary>
/// <param name="Plan">What to run; its key is the response key.</param>
/// <param name="NonNull">True when the field's type is non-null (<c>createPost: Post!</c>): its failure makes <c>data</c> null.</param>
public sealed record ResourceRootEntry(Engine.Query.Plans.RootPlan Plan, bool NonNull) : RootEntry(Plan.Key);

/// <summary><c>__schema</c> or <c>__type</c>: answered from the schema by the introspection writer.</summary>
/// <param name="Key">The response key.</param>
/// <param name="Fields">The fields of this response key as written (their selections merge), which the writer follows.</param>
public sealed record IntrospectionRootEntry(string Key, IReadOnlyList<GraphQLField> Fields) : RootEntry(Key);

/// <summary><c>__typename</c> on a root type: a constant.</summary>
public sealed record TypenameRootEntry(string Key, string TypeName) : RootEntry(Key);

/// <summary><c>_version</c>: the metadata version of the snapshot that planned the operation.</summary>
public sealed record MetadataVersionRootEntry(string Key, long Version) : RootEntry(Key);
