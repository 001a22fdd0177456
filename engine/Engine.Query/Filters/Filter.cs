using Engine.Metadata.Model;

namespace Engine.Query.Filters;

/// <summary>
/// A dialect-free row predicate, built from an OpenCRUD <c>WhereInput</c>, a gRPC <c>filter</c> or an access rule.
/// Values are CLR values already coerced to the field's storage type: string, int, long, double, decimal, bool,
/// DateTime (UTC), DateOnly, Guid, <see cref="Plans.JsonText"/>; enum values are strings.
/// </summary>
public abstract record Filter;

/// <summary>All of the items hold (an empty list holds always).</summary>
public sealed record AndFilter(IReadOnlyList<Filter> Items) : Filter;

/// <summary>At least one item holds (an empty list never holds).</summary>
public sealed record OrFilter(IReadOnlyList<Filter> Items) : Filter;

/// <summary>The inner predicate does not hold.</summary>
public sealed record NotFilter(Filter Inner) : Filter;

/// <summary>
/// <c>field op value</c>. With a null value, <see cref="ComparisonOperator.Equal"/> means IS NULL and
/// <see cref="ComparisonOperator.NotEqual"/> means IS NOT NULL. <see cref="ComparisonOperator.NotEqual"/> with a value
/// also matches rows where the field is null (IS DISTINCT FROM).
/// </summary>
public sealed record ComparisonFilter(FieldModel Field, ComparisonOperator Operator, object? Value) : Filter;

/// <summary><c>field IN (values)</c>, or NOT IN (which also matches nulls); an empty list matches nothing (or everything when negated).</summary>
public sealed record InFilter(FieldModel Field, IReadOnlyList<object?> Values, bool Negated) : Filter;

/// <summary>Literal substring matching (<c>%</c>, <c>_</c> and <c>\</c> in the value are matched as themselves).</summary>
public sealed record StringMatchFilter(FieldModel Field, StringMatchOperator Operator, string Value, bool Negated) : Filter;

/// <summary>A to-one relation's target matches <paramref name="Inner"/> (no target → no match).</summary>
public sealed record ToOneFilter(FieldModel Relation, ResourceModel Target, Filter Inner) : Filter;

/// <summary><c>r_some</c>, <c>r_every</c>, <c>r_none</c> over a to-many relation.</summary>
public sealed record ToManyFilter(FieldModel Relation, ResourceModel Target, ToManyQuantifier Quantifier, Filter Inner) : Filter;

/// <summary>Comparison operators of scalar filters.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// <summary>String operators of scalar filters.</summary>
public enum StringMatchOperator
{
    Contains,
    StartsWith,
    EndsWith,
}

/// <summary>Quantifiers of to-many relation filters.</summary>
public enum ToManyQuantifier
{
    Some,
    Every,
    None,
}
