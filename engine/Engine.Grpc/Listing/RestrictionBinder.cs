using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.Grpc.Listing;

/// <summary>
/// Turns one read restriction (<c>customer.name = "ACME"</c>) into a filter: resolves the path through to-one
/// relations, checks the operator fits the field's type and coerces the value. Mistakes are recorded, not thrown.
/// </summary>
internal sealed class RestrictionBinder(ResourceModel resource, SchemaModel model, List<FieldViolation> errors)
{
    /// <summary>The filter of <c>path op value</c>, or null after recording why there is none.</summary>
    public Filter? Bind(List<FilterToken> path, string pathText, FilterToken op, FilterToken value, bool negative)
    {
        var owner = resource;
        var hops = new List<(FieldModel Relation, ResourceModel Target)>(path.Count - 1);
        for (var i = 0; i < path.Count - 1; i++)
        {
            var entry = ProtoFieldTable.For(owner).Find(path[i].Text);
            if (entry is not { Role: ProtoFieldRole.ToOne } || model.Resource(entry.Field.Relation!.Target) is not { } target)
            {
                return Fail(path[i], entry is null
                    ? $"{owner.Name} has no field '{path[i].Text}'."
                    : $"'{path[i].Text}' of {owner.Name} is not a to-one relation, so a path cannot go through it.");
            }

            hops.Add((entry.Field, target));
            owner = target;
        }

        var last = path[^1];
        var field = ProtoFieldTable.For(owner).Find(last.Text);
        switch (field)
        {
            case null:
                return Fail(last, $"{owner.Name} has no field '{last.Text}'.");
            case { Role: ProtoFieldRole.ToOne }:
                return Fail(last, $"'{last.Text}' is a relation: compare {last.Text}_id, or one of its fields as {last.Text}.<field>.");
            case { Role: ProtoFieldRole.ToMany }:
                return Fail(last, $"'{last.Text}' is a to-many relation, which filters cannot compare.");
        }

        var leaf = Leaf(field.Field, pathText, op, value, negative);
        for (var i = hops.Count - 1; leaf is not null && i >= 0; i--)
        {
            leaf = new ToOneFilter(hops[i].Relation, hops[i].Target, leaf);
        }

        return leaf;
    }

    private Filter? Leaf(FieldModel field, string name, FilterToken op, FilterToken value, bool negative)
    {
        var type = field.Scalar.ToString();
        if (value.Is("null") && !negative)
        {
            return op.Text switch
            {
                "=" => new ComparisonFilter(field, ComparisonOperator.Equal, null),
                "!=" => new ComparisonFilter(field, ComparisonOperator.NotEqual, null),
                _ => Fail(op, $"'{op.Text}' cannot compare with null; use = null or != null."),
            };
        }

        if (op.Text == ":")
        {
            if (field.Scalar != ScalarKind.String)
            {
                return Fail(op, $"':' (contains) applies to strings only; {name} is {type}.");
            }

            return value.Kind == FilterTokenKind.String
                ? new StringMatchFilter(field, StringMatchOperator.Contains, value.Text, Negated: false)
                : Fail(value, $"{name} expects a string in double quotes.");
        }

        var comparison = Operator(op.Text);
        if (comparison is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual)
            && field.Scalar is ScalarKind.Boolean or ScalarKind.Json or ScalarKind.Enum)
        {
            return Fail(op, $"'{op.Text}' does not apply to {name} ({type}); use = or !=.");
        }

        return FilterValues.TryCoerce(field, name, value, negative, out var coerced, out var error)
            ? new ComparisonFilter(field, comparison, coerced)
            : Fail(negative ? value with { Offset = value.Offset - 1 } : value, error!);
    }

    private static ComparisonOperator Operator(string text) => text switch
    {
        "=" => ComparisonOperator.Equal,
        "!=" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.LessThan,
        "<=" => ComparisonOperator.LessThanOrEqual,
        ">" => ComparisonOperator.GreaterThan,
        _ => ComparisonOperator.GreaterThanOrEqual,
    };

    private Filter? Fail(FilterToken at, string description)
    {
        errors.Add(new FieldViolation(FilterParser.FieldName, $"Offset {at.Offset}: {description}"));
        return null;
    }
}
