using System.Text.Json;
using Engine.Runtime.Events;

namespace Engine.GraphQL.Subscriptions;

/// <summary>
/// A compiled <c>&lt;R&gt;SubscriptionWhereInput</c>: a delegate over what an event says (its kind, the fields it
/// changed and the record's API JSON), built once per subscription and run per event.
/// </summary>
public sealed class SubscriptionFilter
{
    /// <summary>The filter of a subscription without <c>where</c>: every event matches.</summary>
    public static readonly SubscriptionFilter All = new(static (_, _, _) => true, readsRecord: false);

    private readonly Func<RecordAction, IReadOnlyList<string>, JsonElement, bool> predicate;

    /// <summary>Wraps a compiled predicate; <paramref name="readsRecord"/> says whether it looks at the record JSON.</summary>
    public SubscriptionFilter(Func<RecordAction, IReadOnlyList<string>, JsonElement, bool> predicate, bool readsRecord)
    {
        this.predicate = predicate;
        ReadsRecord = readsRecord;
    }

    /// <summary>True when the filter has a <c>node</c> condition, so the event's record must be parsed to evaluate it.</summary>
    public bool ReadsRecord { get; }

    /// <summary>
    /// Whether an event matches. <paramref name="record"/> is the record after the change (before it for a deletion);
    /// it may be <c>default</c> when <see cref="ReadsRecord"/> is false.
    /// </summary>
    public bool Matches(RecordAction action, IReadOnlyList<string> updatedFields, JsonElement record) => predicate(action, updatedFields, record);
}
