using System.Collections.Frozen;
using System.Text.Json;
using Engine.Metadata.Model;
using Engine.Query.Access;
using Engine.Query.Context;
using Engine.Query.Execution;
using Engine.Query.Filters;
using Engine.Query.Plans;

namespace Engine.Runtime.Events;

/// <summary>
/// What one subscriber (a GraphQL subscription or a gRPC Watch stream) may see of a resource's record events: its read
/// grant, checked at subscribe time; which records it may see (the grant's row filter, with the subscriber's claims); and
/// which fields of them. Built once per subscriber and metadata version, so an event costs one compiled predicate.
/// </summary>
/// <remarks>
/// The row filter is evaluated on the event's record in memory (<see cref="RecordPredicate"/>; a to-one filter on the
/// target's <c>id</c> compares the foreign key the record holds under the relation's name). A filter that needs other
/// records (any other relation filter) is undecidable in memory: a created or updated record is then checked by reading
/// it by id through the normal read path, which applies the same filter in SQL; a deleted record, which can no longer be
/// read, is not delivered. An update is judged by the record after it, so an update that moves a record out of the
/// filter is not delivered, and one that moves it in is delivered like any other.
/// </remarks>
public sealed class SubscriberAccess
{
    private const string CheckKey = "visible";

    private readonly Func<JsonElement, bool>? rows;
    private readonly FrozenSet<string>? readable;
    private readonly Selection idOnly;

    private SubscriberAccess(ResourceModel resource, AccessGrant grant, Func<JsonElement, bool>? rows, bool undecidable)
    {
        Resource = resource;
        Grant = grant;
        this.rows = rows;
        NeedsDatabaseCheck = undecidable;
        NeedsRecord = rows is not null;
        readable = grant.AllFields ? null : resource.Fields.Where(grant.CanUse).Select(f => f.Name).ToFrozenSet(StringComparer.Ordinal);
        idOnly = new Selection([new ScalarSelection("id", resource.Id)]);
    }

    /// <summary>The resource subscribed to.</summary>
    public ResourceModel Resource { get; }

    /// <summary>The subscriber's read grant; without <see cref="AccessGrant.Allowed"/>, the subscription is refused with <see cref="AccessGrant.Denied"/>.</summary>
    public AccessGrant Grant { get; }

    /// <summary>True when <see cref="Visible"/> reads the event's record.</summary>
    public bool NeedsRecord { get; }

    /// <summary>True when the row filter cannot be decided on the record (see the remarks).</summary>
    public bool NeedsDatabaseCheck { get; }

    /// <summary>True when the subscriber may read every field (nothing to mask).</summary>
    public bool AllFields => readable is null;

    /// <summary>The access of <paramref name="context"/> to <paramref name="resource"/>'s events under <paramref name="model"/>.</summary>
    public static SubscriberAccess For(SchemaModel model, ResourceModel resource, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var grant = AccessPolicy.For(model).Grant(resource, AccessAction.Read, context);
        if (!grant.Allowed || grant.Rows is not { } filter)
        {
            return new SubscriberAccess(resource, grant, null, undecidable: false);
        }

        try
        {
            return new SubscriberAccess(resource, grant, RecordPredicate.Compile(ForeignKeysOf(filter)), undecidable: false);
        }
        catch (NotSupportedException)
        {
            return new SubscriberAccess(resource, grant, null, undecidable: true);
        }
    }

    /// <summary>True when the subscriber may see the record <paramref name="record"/> (in memory; see <see cref="NeedsDatabaseCheck"/>).</summary>
    public bool Visible(JsonElement record) => rows is null || rows(record);

    /// <summary>True when the subscriber may read <paramref name="field"/> (a field name of the resource).</summary>
    public bool CanRead(string field) => readable is null || readable.Contains(field);

    /// <summary>
    /// Whether <paramref name="recordEvent"/> may be delivered: the in-memory check, or for an undecidable filter, a read
    /// of the record by id as <paramref name="context"/> (created and updated records; deleted ones are withheld).
    /// </summary>
    public async Task<bool> DeliversAsync(RecordEvent recordEvent, JsonElement record, SchemaModel model, IPlanExecutor plans, RequestContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordEvent);
        ArgumentNullException.ThrowIfNull(plans);
        if (!NeedsDatabaseCheck)
        {
            return Visible(record);
        }

        if (recordEvent.Action == RecordAction.Deleted)
        {
            return false;
        }

        var check = new FindUniquePlan(CheckKey, Resource, new ComparisonFilter(Resource.Id, ComparisonOperator.Equal, recordEvent.RecordId), idOnly);
        var results = await plans.QueryAsync(model, [check], context, cancellationToken).ConfigureAwait(false);
        return results.Count == 1 && results[0] is { Error: null, Json: { } json } && !IsJsonNull(json.Span);
    }

    /// <summary>The updated fields the subscriber may read (the same list when it may read every field).</summary>
    public IReadOnlyList<string> Readable(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (readable is null || fields.All(readable.Contains))
        {
            return fields;
        }

        return fields.Where(readable.Contains).ToArray();
    }

    /// <summary><c>{ relation: { id: X } }</c> becomes a comparison of the foreign key the record holds under the relation's name.</summary>
    private static Filter ForeignKeysOf(Filter filter) => filter switch
    {
        AndFilter and => new AndFilter(and.Items.Select(ForeignKeysOf).ToArray()),
        OrFilter or => new OrFilter(or.Items.Select(ForeignKeysOf).ToArray()),
        NotFilter not => new NotFilter(ForeignKeysOf(not.Inner)),
        ToOneFilter { Relation.Kind: FieldKind.ToOne } toOne when OnTargetId(toOne.Inner, toOne.Target, toOne.Relation) is { } foreignKey => foreignKey,
        _ => filter,
    };

    /// <summary>The filter on the target's id rewritten to the owner's foreign key; null when it filters anything else.</summary>
    private static Filter? OnTargetId(Filter inner, ResourceModel target, FieldModel relation) => inner switch
    {
        ComparisonFilter comparison when ReferenceEquals(comparison.Field, target.Id) => comparison with { Field = relation },
        InFilter inFilter when ReferenceEquals(inFilter.Field, target.Id) => inFilter with { Field = relation },
        AndFilter and => All(and.Items.Select(i => OnTargetId(i, target, relation)).ToArray(), items => new AndFilter(items)),
        OrFilter or => All(or.Items.Select(i => OnTargetId(i, target, relation)).ToArray(), items => new OrFilter(items)),
        _ => null,
    };

    private static Filter? All(Filter?[] items, Func<Filter[], Filter> combine) =>
        items.All(i => i is not null) ? combine(items!) : null;

    private static bool IsJsonNull(ReadOnlySpan<byte> json) => json.Trim(" \t\r\n"u8).SequenceEqual("null"u8);
}
