using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Grpc.Listing;

/// <summary>Turns the text arguments of a List request into <see cref="ListArguments"/>, or every violation they hold.</summary>
public static class ListRequestPlanner
{
    /// <summary>
    /// Plans <c>List&lt;Plural&gt;(page_size, page_token, filter, order_by)</c> over <paramref name="resource"/>; the
    /// serving layer reports the violations as <c>INVALID_ARGUMENT</c> with <c>google.rpc.BadRequest</c>.
    /// </summary>
    public static (ListRequestPlan? Plan, IReadOnlyList<FieldViolation> Errors) Plan(
        int pageSize, string pageToken, string filter, string orderBy, ResourceModel resource, SchemaModel model, PageSizeRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(pageToken);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(orderBy);
        var errors = new List<FieldViolation>();
        var (size, sizeError) = (rules ?? PageSizeRules.Standard).Resolve(pageSize);
        if (sizeError is not null)
        {
            errors.Add(sizeError);
        }

        var (where, filterErrors) = FilterParser.Parse(filter, resource, model);
        errors.AddRange(filterErrors);
        var (order, orderErrors) = OrderByParser.Parse(orderBy, resource);
        errors.AddRange(orderErrors);
        if (orderErrors.Count > 0)
        {
            // Without a valid order there is no fingerprint to check a token against.
            return (null, errors);
        }

        var keys = SortKeys.Of(resource, order);
        var fingerprint = PageToken.Fingerprint(resource, keys, filter);
        Cursor? after = null;
        if (pageToken.Length > 0 && !PageToken.TryDecode(pageToken, fingerprint, keys, out after, out var tokenError))
        {
            errors.Add(tokenError!);
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ListRequestPlan(new ListArguments(where, order, null, size, null) { After = after }, size, fingerprint), errors);
    }
}
