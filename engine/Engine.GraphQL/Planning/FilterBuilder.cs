using Engine.GraphQL.Schema;
using Engine.Metadata.Model;
using Engine.Query.Filters;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Turns a coerced <c>&lt;R&gt;WhereInput</c> into a <see cref="Filter"/> following each input field's
/// <see cref="WhereFieldBinding"/> or <see cref="WhereLogicBinding"/>; never by reading field names.
/// </summary>
internal sealed class FilterBuilder(PlanningErrors errors)
{
    /// <summary>The filter of a <c>where</c> argument; null when it is absent, null or empty (all rows).</summary>
    public Filter? Where(object? value) => value switch
    {
        InputObjectValue { Fields.Count: 0 } => null,
        InputObjectValue where => Build(where),
        _ => null,
    };

    /// <summary>The filter of a <c>&lt;R&gt;WhereUniqueInput</c>: exactly one unique field with a non-null value.</summary>
    public Filter? Unique(object? value, InputPath path)
    {
        if (value is not InputObjectValue where)
        {
            errors.BadInput($"{path}: a unique filter is required.", path);
            return null;
        }

        InputFieldValue? chosen = null;
        var count = 0;
        foreach (var field in where.Fields)
        {
            if (field.Value is not null)
            {
                chosen = field;
                count++;
            }
        }

        if (count != 1 || chosen!.Field.Binding is not FieldModel unique)
        {
            var names = string.Join(", ", where.Type.Fields.Select(f => f.Name));
            errors.BadInput($"{path}: give exactly one of {names} (with a non-null value).", path);
            return null;
        }

        return new ComparisonFilter(unique, ComparisonOperator.Equal, PlanValues.Of(chosen.Value));
    }

    private Filter Build(InputObjectValue where)
    {
        if (where.Fields.Count == 1)
        {
            return Item(where.Fields[0]);
        }

        var items = new Filter[where.Fields.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Item(where.Fields[i]);
        }

        return new AndFilter(items);
    }

    private Filter Item(InputFieldValue input) => input.Field.Binding switch
    {
        WhereFieldBinding binding => Field(binding, input),
        WhereLogicBinding logic => Logic(logic.Logic, input),
        _ => throw new InvalidOperationException($"where input field {input.Field.Name} has no binding"),
    };

    private Filter Logic(WhereLogic logic, InputFieldValue input)
    {
        var items = Nested(input);
        return logic switch
        {
            WhereLogic.And => new AndFilter(items),
            WhereLogic.Or => new OrFilter(items),

            // NOT [a, b] means neither a nor b (OpenCRUD), not "not both".
            _ => new NotFilter(new OrFilter(items)),
        };
    }

    private Filter[] Nested(InputFieldValue input)
    {
        if (input.Value is not InputListValue list)
        {
            return input.Value is InputObjectValue single ? [Build(single)] : Reject(input);
        }

        var items = new List<Filter>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is InputObjectValue item)
            {
                items.Add(Build(item));
            }
            else
            {
                errors.BadInput($"{input.Path.Item(i)}: may not be null.", input.Path.Item(i));
            }
        }

        return [.. items];
    }

    private Filter Field(WhereFieldBinding binding, InputFieldValue input)
    {
        var field = binding.Field;
        var value = input.Value;
        switch (binding.Operator)
        {
            case WhereOperator.Equals:
                return new ComparisonFilter(field, ComparisonOperator.Equal, PlanValues.Of(value));
            case WhereOperator.Not:
                return new ComparisonFilter(field, ComparisonOperator.NotEqual, PlanValues.Of(value));
            case WhereOperator.Relation:
                // r: null asks for rows without a related record: the foreign key column IS NULL.
                return value is InputObjectValue inner
                    ? new ToOneFilter(field, TargetOf(inner), Build(inner))
                    : new ComparisonFilter(field, ComparisonOperator.Equal, null);
        }

        if (value is null)
        {
            errors.BadInput($"{input.Path}: may not be null.", input.Path);
            return new AndFilter([]);
        }

        return binding.Operator switch
        {
            WhereOperator.In => new InFilter(field, PlanValues.ListOf(value), false),
            WhereOperator.NotIn => new InFilter(field, PlanValues.ListOf(value), true),
            WhereOperator.Lt => new ComparisonFilter(field, ComparisonOperator.LessThan, PlanValues.Of(value)),
            WhereOperator.Lte => new ComparisonFilter(field, ComparisonOperator.LessThanOrEqual, PlanValues.Of(value)),
            WhereOperator.Gt => new ComparisonFilter(field, ComparisonOperator.GreaterThan, PlanValues.Of(value)),
            WhereOperator.Gte => new ComparisonFilter(field, ComparisonOperator.GreaterThanOrEqual, PlanValues.Of(value)),
            WhereOperator.Contains => Match(field, StringMatchOperator.Contains, value, false),
            WhereOperator.NotContains => Match(field, StringMatchOperator.Contains, value, true),
            WhereOperator.StartsWith => Match(field, StringMatchOperator.StartsWith, value, false),
            WhereOperator.NotStartsWith => Match(field, StringMatchOperator.StartsWith, value, true),
            WhereOperator.EndsWith => Match(field, StringMatchOperator.EndsWith, value, false),
            WhereOperator.NotEndsWith => Match(field, StringMatchOperator.EndsWith, value, true),
            WhereOperator.Some => Quantified(field, ToManyQuantifier.Some, (InputObjectValue)value),
            WhereOperator.Every => Quantified(field, ToManyQuantifier.Every, (InputObjectValue)value),
            _ => Quantified(field, ToManyQuantifier.None, (InputObjectValue)value),
        };
    }

    private static StringMatchFilter Match(FieldModel field, StringMatchOperator op, object value, bool negated) =>
        new(field, op, (string)value, negated);

    private ToManyFilter Quantified(FieldModel relation, ToManyQuantifier quantifier, InputObjectValue inner) =>
        new(relation, TargetOf(inner), quantifier, Build(inner));

    private static ResourceModel TargetOf(InputObjectValue inner) =>
        inner.Type.Binding is WhereInputBinding binding
            ? binding.Resource
            : throw new InvalidOperationException($"{inner.Type.Name} is not a where input");

    private Filter[] Reject(InputFieldValue input)
    {
        errors.BadInput($"{input.Path}: may not be null.", input.Path);
        return [];
    }
}
