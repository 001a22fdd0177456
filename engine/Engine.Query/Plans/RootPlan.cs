using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Query.Plans;

/// <summary>
/// What one root field does, free of any SQL dialect. Each plan runs as one SQL statement whose single value is
/// the JSON of the field (<c>null</c>, an object, a list or a <c>BatchPayload</c>).
/// </summary>
/// <param name="Key">The response key (alias or field name).</param>
public abstract record RootPlan(string Key);

/// <summary><c>post(where: PostWhereUniqueInput!)</c>: the one row matching a unique filter, or null.</summary>
public sealed record FindUniquePlan(string Key, ResourceModel Resource, Filter Where, Selection Selection) : RootPlan(Key);

/// <summary><c>posts(...)</c>: a list.</summary>
public sealed record FindManyPlan(string Key, ResourceModel Resource, ListArguments Arguments, Selection Selection) : RootPlan(Key);

/// <summary><c>createPost(data)</c>: inserts one row (id made by the engine unless given) and returns it.</summary>
public sealed record CreatePlan(string Key, ResourceModel Resource, Guid Id, WriteData Data, Selection Selection) : RootPlan(Key)
{
    /// <summary>Access rules: the rows the caller may read, which the returned object must be in (else null). Null for all rows.</summary>
    public Filter? Visible { get; init; }

    /// <summary>Access rules: the written row must satisfy this, or FORBIDDEN and nothing is written. Null for no check.</summary>
    public Filter? Check { get; init; }
}

/// <summary><c>updatePost(data, where)</c>: updates the row matching a unique filter; null (and NOT_FOUND) when none.</summary>
public sealed record UpdatePlan(string Key, ResourceModel Resource, Filter Where, WriteData Data, Selection Selection) : RootPlan(Key)
{
    /// <summary>Access rules: the rows the caller may read, which the returned object must be in (else null). Null for all rows.</summary>
    public Filter? Visible { get; init; }

    /// <summary>Access rules: the written row must satisfy this, or FORBIDDEN and nothing is written. Null for no check.</summary>
    public Filter? Check { get; init; }
}

/// <summary><c>upsertPost(where, create, update)</c>: updates the matching row, or inserts one.</summary>
public sealed record UpsertPlan(string Key, ResourceModel Resource, Filter Where, Guid CreateId, WriteData Create, WriteData Update, Selection Selection)
    : RootPlan(Key)
{
    /// <summary>Access rules: the rows the caller may read, which the returned object must be in (else null). Null for all rows.</summary>
    public Filter? Visible { get; init; }

    /// <summary>Access rules: a row the upsert creates must satisfy this, or FORBIDDEN and nothing is written. Null for no check.</summary>
    public Filter? CreateCheck { get; init; }

    /// <summary>Access rules: a row the upsert updates must satisfy this afterwards, or FORBIDDEN and nothing is written. Null for no check.</summary>
    public Filter? UpdateCheck { get; init; }
}

/// <summary><c>deletePost(where)</c>: deletes the row matching a unique filter and returns it as it was; null (and NOT_FOUND) when none.</summary>
public sealed record DeletePlan(string Key, ResourceModel Resource, Filter Where, Selection Selection) : RootPlan(Key)
{
    /// <summary>Access rules: the rows the caller may read, which the returned object must be in (else null). Null for all rows.</summary>
    public Filter? Visible { get; init; }
}

/// <summary><c>updateManyPosts(data, where)</c>: a <c>BatchPayload</c>.</summary>
public sealed record UpdateManyPlan(string Key, ResourceModel Resource, Filter? Where, WriteData Data, BatchSelection Selection) : RootPlan(Key)
{
    /// <summary>Access rules: every updated row must satisfy this afterwards, or FORBIDDEN and nothing is written. Null for no check.</summary>
    public Filter? Check { get; init; }
}

/// <summary><c>deleteManyPosts(where)</c>: a <c>BatchPayload</c>.</summary>
public sealed record DeleteManyPlan(string Key, ResourceModel Resource, Filter? Where, BatchSelection Selection) : RootPlan(Key);

/// <summary>The keys selected on a <c>BatchPayload</c>: <c>count</c> (a Long, written as a JSON string) and <c>__typename</c>.</summary>
/// <param name="Items">Response keys in order, each either <c>count</c> or a typename.</param>
public sealed record BatchSelection(IReadOnlyList<SelectionItem> Items);

/// <summary>The <c>count</c> of a <c>BatchPayload</c>.</summary>
public sealed record CountSelection(string Key) : SelectionItem(Key);
