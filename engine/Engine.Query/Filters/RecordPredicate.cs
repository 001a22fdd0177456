using System.Text.Json;
using Engine.Query.Filters.RecordPredicates;

namespace Engine.Query.Filters;

/// <summary>
/// Compiles a <see cref="Filter"/> once into a predicate over one record's API JSON (the shape of a record event's
/// data: GraphQL field names, Engine.Sql's value forms, a to-one relation as its foreign key id under the relation's
/// name), holding for exactly the records the SQL of the same filter selects.
/// </summary>
/// <remarks>
/// The semantics are PostgreSQL's as <c>PostgresCompiler</c> writes them: two-valued (a comparison on a null or absent
/// field does not hold, and NOT of it does); <c>= null</c> is IS NULL, <c>!= null</c> IS NOT NULL, <c>!=</c> a value
/// IS DISTINCT FROM; NOT IN matches nulls unless the list holds a null, IN with a null matches nulls; an ordering
/// against null holds for nothing; string matching is literal and case-sensitive (LIKE with escaped patterns).
/// Values order as their column types: Int/Long as integers, Float as float8 (NaN equal to itself and above every
/// number), Decimal exactly (numeric, of any size), DateTime by instant at microsecond precision (a filter value's
/// extra ticks are dropped as Npgsql drops them), Date by day (a filter's <c>MinValue</c>/<c>MaxValue</c> of either is
/// ±infinity, as Npgsql binds them), Boolean false before true, ids as uuid (byte order),
/// String and Enum (text columns) by Unicode code point, which is the <c>C</c> and <c>C.UTF-8</c> collations' order:
/// a database with a linguistic collation (e.g. <c>en_US.UTF-8</c>) orders text differently, so <c>&lt;</c> and
/// <c>&gt;</c> on text may then disagree with SQL; equality and matching never do. Json compares as jsonb equality
/// (keys in any order, numbers by value); ordering a Json field is not supported. Record JSON cannot tell a Json field
/// holding JSON <c>null</c> from SQL NULL, nor (as Engine.Sql renders it) an infinite timestamp from NULL; both count
/// as NULL here.
/// </remarks>
public static class RecordPredicate
{
    private static readonly Func<JsonElement, bool> Always = static _ => true;
    private static readonly Func<JsonElement, bool> Never = static _ => false;

    /// <summary>
    /// The predicate of <paramref name="filter"/>. Relation filters (<see cref="ToOneFilter"/>, <see cref="ToManyFilter"/>,
    /// <see cref="RelatedToFilter"/>) need other records and throw <see cref="NotSupportedException"/> naming the relation,
    /// as does an ordering comparison of a Json field.
    /// </summary>
    public static Func<JsonElement, bool> Compile(Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter switch
        {
            AndFilter and => All(CompileEach(and.Items)),
            OrFilter or => Any(CompileEach(or.Items)),
            NotFilter not => Not(Compile(not.Inner)),
            ComparisonFilter comparison => ValueKind.For(comparison.Field).Comparison(comparison.Field, comparison.Operator, comparison.Value),
            InFilter inFilter => ValueKind.For(inFilter.Field).In(inFilter.Field, inFilter.Values, inFilter.Negated),
            StringMatchFilter match => StringMatch.Compile(match),
            ToOneFilter toOne => throw RelationNotSupported(toOne.Relation.Name),
            ToManyFilter toMany => throw RelationNotSupported(toMany.Relation.Name),
            RelatedToFilter related => throw RelationNotSupported(related.Relation.Name),
            _ => throw new NotSupportedException($"A filter of type {filter.GetType().Name} cannot be evaluated on a record."),
        };
    }

    private static Func<JsonElement, bool>[] CompileEach(IReadOnlyList<Filter> items)
    {
        var compiled = new Func<JsonElement, bool>[items.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            compiled[i] = Compile(items[i]);
        }

        return compiled;
    }

    private static Func<JsonElement, bool> All(Func<JsonElement, bool>[] items) => items.Length switch
    {
        0 => Always,
        1 => items[0],
        _ => record =>
        {
            foreach (var item in items)
            {
                if (!item(record))
                {
                    return false;
                }
            }

            return true;
        },
    };

    private static Func<JsonElement, bool> Any(Func<JsonElement, bool>[] items) => items.Length switch
    {
        0 => Never,
        1 => items[0],
        _ => record =>
        {
            foreach (var item in items)
            {
                if (item(record))
                {
                    return true;
                }
            }

            return false;
        },
    };

    // Every compiled predicate is already two-valued (a null comparison is false), which is what SQL's IS NOT TRUE makes of NOT.
    private static Func<JsonElement, bool> Not(Func<JsonElement, bool> inner) => record => !inner(record);

    private static NotSupportedException RelationNotSupported(string relation) =>
        new($"The filter goes through the relation '{relation}', which needs other records; " +
            "filters on record events may only compare the record's own fields (a to-one relation's id included).");
}
