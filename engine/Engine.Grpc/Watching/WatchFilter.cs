using System.Text.Json;
using Engine.Grpc.Listing;
using Engine.Grpc.Serving;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Query.Filters;
using Engine.Runtime.Events;
using Grpc.Core;

namespace Engine.Grpc.Watching;

/// <summary>
/// The predicate of a Watch request's AIP-160 <c>filter</c>: parsed with <see cref="FilterParser"/> like a List filter,
/// then compiled by <see cref="RecordPredicate"/> to run on each event's record.
/// </summary>
internal static class WatchFilter
{
    /// <summary>The predicate of an empty filter; streams skip parsing the record for it.</summary>
    public static readonly Func<JsonElement, bool> Everything = static _ => true;

    /// <summary>
    /// The predicate of <paramref name="filter"/> over records of <paramref name="resource"/> (everything when empty).
    /// A syntax or type error, or a path through a relation (the event holds only the record), is INVALID_ARGUMENT with
    /// a <c>filter</c> field violation; a field the subscriber may not read is PERMISSION_DENIED (its values would leak
    /// through the filter).
    /// </summary>
    public static Func<JsonElement, bool> Compile(string filter, ResourceModel resource, SchemaModel model, SubscriberAccess access)
    {
        var (parsed, errors) = FilterParser.Parse(filter, resource, model);
        if (errors.Count > 0)
        {
            throw GrpcErrors.InvalidArgument(errors);
        }

        if (parsed is null)
        {
            return Everything;
        }

        if (!access.AllFields && FirstUnreadable(parsed, access) is { } hidden)
        {
            throw GrpcErrors.From(access.Grant.FieldForbidden(hidden.Name, FilterParser.FieldName));
        }

        try
        {
            return RecordPredicate.Compile(parsed);
        }
        catch (NotSupportedException e)
        {
            var description = FirstRelation(parsed) is { } relation
                ? $"'{ProtoNames.ScalarField(relation.Name)}.' paths go through a relation, which Watch cannot follow: an event " +
                  $"holds only the record itself. Compare {ProtoNames.ToOneField(relation.Name)} instead."
                : e.Message;
            throw GrpcErrors.InvalidArgument([new FieldViolation(FilterParser.FieldName, description)]);
        }
    }

    private static FieldModel? FirstUnreadable(Filter filter, SubscriberAccess access) => filter switch
    {
        ComparisonFilter comparison => Unreadable(comparison.Field, access),
        InFilter inFilter => Unreadable(inFilter.Field, access),
        StringMatchFilter match => Unreadable(match.Field, access),
        ToOneFilter toOne => Unreadable(toOne.Relation, access),
        NotFilter not => FirstUnreadable(not.Inner, access),
        AndFilter and => and.Items.Select(i => FirstUnreadable(i, access)).FirstOrDefault(f => f is not null),
        OrFilter or => or.Items.Select(i => FirstUnreadable(i, access)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static FieldModel? Unreadable(FieldModel field, SubscriberAccess access) => access.CanRead(field.Name) ? null : field;

    private static FieldModel? FirstRelation(Filter filter) => filter switch
    {
        ToOneFilter toOne => toOne.Relation,
        NotFilter not => FirstRelation(not.Inner),
        AndFilter and => and.Items.Select(FirstRelation).FirstOrDefault(r => r is not null),
        OrFilter or => or.Items.Select(FirstRelation).FirstOrDefault(r => r is not null),
        _ => null,
    };
}
