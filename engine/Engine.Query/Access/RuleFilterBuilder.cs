using System.Text.Json;
using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Query.Access;

/// <summary>
/// Turns an access rule's <c>where</c> (an OpenCRUD WhereInput as JSON, SPEC §1) into a <see cref="Filter"/>
/// template: literals coerced to the fields' types, <c>$claims.&lt;name&gt;</c> kept as <see cref="ClaimReference"/>s.
/// The metadata validator already checked the keys; anything it lets through that is still unusable (a literal of the
/// wrong type) makes the builder fail, and the rule then matches no row.
/// </summary>
internal sealed class RuleFilterBuilder(SchemaModel model)
{
    private static readonly (string Suffix, ComparisonOperator Operator)[] Comparisons =
    [
        ("_not", ComparisonOperator.NotEqual),
        ("_lt", ComparisonOperator.LessThan),
        ("_lte", ComparisonOperator.LessThanOrEqual),
        ("_gt", ComparisonOperator.GreaterThan),
        ("_gte", ComparisonOperator.GreaterThanOrEqual),
    ];

    private static readonly (string Suffix, StringMatchOperator Operator, bool Negated)[] Matches =
    [
        // Negated forms first, so "_not_contains" is not read as "_contains" of a field "x_not".
        ("_not_contains", StringMatchOperator.Contains, true),
        ("_not_starts_with", StringMatchOperator.StartsWith, true),
        ("_not_ends_with", StringMatchOperator.EndsWith, true),
        ("_contains", StringMatchOperator.Contains, false),
        ("_starts_with", StringMatchOperator.StartsWith, false),
        ("_ends_with", StringMatchOperator.EndsWith, false),
    ];

    private static readonly (string Suffix, ToManyQuantifier Quantifier)[] Quantifiers =
    [
        ("_some", ToManyQuantifier.Some),
        ("_every", ToManyQuantifier.Every),
        ("_none", ToManyQuantifier.None),
    ];

    /// <summary>The template of <paramref name="where"/> over <paramref name="resource"/>; false when it cannot be used.</summary>
    public bool TryBuild(ResourceModel resource, JsonElement where, out Filter? filter)
    {
        try
        {
            filter = Object(resource, where);
            return true;
        }
        catch (InvalidRuleException)
        {
            filter = null;
            return false;
        }
    }

    /// <summary>True when the template holds a <see cref="ClaimReference"/> anywhere.</summary>
    public static bool HasClaims(Filter filter) => filter switch
    {
        AndFilter and => and.Items.Any(HasClaims),
        OrFilter or => or.Items.Any(HasClaims),
        NotFilter not => HasClaims(not.Inner),
        ComparisonFilter comparison => comparison.Value is ClaimReference,
        InFilter list => list.Values.Any(v => v is ClaimReference),
        ClaimMatchFilter => true,
        ToOneFilter toOne => HasClaims(toOne.Inner),
        ToManyFilter toMany => HasClaims(toMany.Inner),
        _ => false,
    };

    private Filter Object(ResourceModel resource, JsonElement where)
    {
        if (where.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRuleException();
        }

        var items = new List<Filter>();
        foreach (var property in where.EnumerateObject())
        {
            items.Add(Key(resource, property.Name, property.Value));
        }

        return items.Count == 1 ? items[0] : new AndFilter(items);
    }

    private Filter Key(ResourceModel resource, string key, JsonElement value)
    {
        switch (key)
        {
            case "AND":
                return new AndFilter(List(resource, value));
            case "OR":
                return new OrFilter(List(resource, value));
            case "NOT":
                // NOT [a, b] means neither a nor b (OpenCRUD).
                return new NotFilter(new OrFilter(List(resource, value)));
        }

        if (resource.Field(key) is { } field)
        {
            return Bare(field, value);
        }

        if (key.EndsWith("_not_in", StringComparison.Ordinal) && Scalar(resource, key[..^7]) is { } notIn)
        {
            return new InFilter(notIn, Values(notIn, value), true);
        }

        if (key.EndsWith("_in", StringComparison.Ordinal) && Scalar(resource, key[..^3]) is { } inField)
        {
            return new InFilter(inField, Values(inField, value), false);
        }

        foreach (var (suffix, quantifier) in Quantifiers)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && resource.Field(key[..^suffix.Length]) is { Kind: FieldKind.ToMany } relation)
            {
                var target = TargetOf(relation);
                return new ToManyFilter(relation, target, quantifier, Object(target, value));
            }
        }

        foreach (var (suffix, op, negated) in Matches)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && Scalar(resource, key[..^suffix.Length]) is { } field2)
            {
                return Match(field2, op, negated, value);
            }
        }

        foreach (var (suffix, op) in Comparisons)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && Scalar(resource, key[..^suffix.Length]) is { } field3)
            {
                return new ComparisonFilter(field3, op, Value(field3, value, allowNull: op == ComparisonOperator.NotEqual));
            }
        }

        throw new InvalidRuleException();
    }

    private Filter Bare(FieldModel field, JsonElement value)
    {
        switch (field.Kind)
        {
            case FieldKind.Scalar:
                return new ComparisonFilter(field, ComparisonOperator.Equal, Value(field, value, allowNull: true));
            case FieldKind.ToOne when value.ValueKind == JsonValueKind.Null:
                return new ComparisonFilter(field, ComparisonOperator.Equal, null);
            case FieldKind.ToOne:
                var target = TargetOf(field);
                return new ToOneFilter(field, target, Object(target, value));
            default:
                throw new InvalidRuleException();
        }
    }

    private Filter[] List(ResourceModel resource, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => [Object(resource, value)],
        JsonValueKind.Array => value.EnumerateArray().Select(item => Object(resource, item)).ToArray(),
        _ => throw new InvalidRuleException(),
    };

    private static Filter Match(FieldModel field, StringMatchOperator op, bool negated, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String || field.Scalar is not (ScalarKind.String or ScalarKind.Enum))
        {
            throw new InvalidRuleException();
        }

        var text = value.GetString()!;
        return text.StartsWith(ClaimReference.Prefix, StringComparison.Ordinal)
            ? new ClaimMatchFilter(field, op, new ClaimReference(text[ClaimReference.Prefix.Length..]), negated)
            : new StringMatchFilter(field, op, text, negated);
    }

    private static object?[] Values(FieldModel field, JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(item => Value(field, item, allowNull: true)).ToArray()
            : throw new InvalidRuleException();

    /// <summary>A literal coerced to the field's type, or a claim reference to coerce per request.</summary>
    private static object? Value(FieldModel field, JsonElement value, bool allowNull)
    {
        string text;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null when allowNull:
                return null;
            case JsonValueKind.String:
                text = value.GetString()!;
                if (text.StartsWith(ClaimReference.Prefix, StringComparison.Ordinal))
                {
                    return new ClaimReference(text[ClaimReference.Prefix.Length..]);
                }

                if (field.Scalar == ScalarKind.Json)
                {
                    text = value.GetRawText();
                }

                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
            case JsonValueKind.Object or JsonValueKind.Array when field.Scalar == ScalarKind.Json:
                text = value.GetRawText();
                break;
            default:
                throw new InvalidRuleException();
        }

        return AccessValues.TryCoerce(field, text, out var coerced) ? coerced : throw new InvalidRuleException();
    }

    private static FieldModel? Scalar(ResourceModel resource, string name) =>
        resource.Field(name) is { Kind: FieldKind.Scalar } field ? field : null;

    private ResourceModel TargetOf(FieldModel relation) =>
        relation.Relation is { } storage && model.Resource(storage.Target) is { } target ? target : throw new InvalidRuleException();

    /// <summary>The rule's filter cannot be compiled; the rule then matches no row.</summary>
    private sealed class InvalidRuleException : Exception;
}
