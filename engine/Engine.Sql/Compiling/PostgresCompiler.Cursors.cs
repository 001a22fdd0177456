using Engine.Metadata.Model;
using Engine.Query.Plans;

namespace Engine.Sql.Compiling;

public sealed partial class PostgresCompiler
{
    /// <summary>Appends <c>AND</c>-joined keyset bounds for <c>after</c> and <c>before</c>, if any.</summary>
    private void AppendCursorBounds(ListArguments args, List<OrderBy> keys, string alias, bool leadingAnd)
    {
        if (args.After is { } after)
        {
            sql.Append(leadingAnd ? " AND " : string.Empty);
            AppendKeyset(keys, after, alias, later: true, inclusive: false);
            leadingAnd = true;
        }

        if (args.Before is { } before)
        {
            sql.Append(leadingAnd ? " AND " : string.Empty);
            AppendKeyset(keys, before, alias, later: false, inclusive: false);
        }
    }

    /// <summary>
    /// Appends a predicate holding for rows of <paramref name="alias"/> that come after (<paramref name="later"/>) or
    /// before the cursor in the order <c>ORDER BY keys</c> emits, and for the cursor's own row when
    /// <paramref name="inclusive"/>: the lexicographic expansion <c>(k1 beyond v1) OR (k1 = v1 AND k2 beyond v2) …</c>.
    /// "Beyond" follows PostgreSQL's default null placement — NULLS LAST ascending, NULLS FIRST descending — and a
    /// cursor value that is NULL compares with IS [NOT] NULL; a required (NOT NULL) column needs no null branch.
    /// </summary>
    private void AppendKeyset(List<OrderBy> keys, Cursor cursor, string alias, bool later, bool inclusive)
    {
        sql.Append('(');
        var terms = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var value = cursor.Values[i];
            // Rows with larger values come later in an ascending order, and earlier in a descending one.
            var upward = later != key.Descending;
            if (upward && value is null)
            {
                // Nothing sorts beyond NULL on this side: the nulls are already at that end.
                continue;
            }

            sql.Append(terms++ > 0 ? " OR " : string.Empty);
            if (i > 0)
            {
                sql.Append('(');
                AppendKeyEquals(keys, cursor, alias, i);
                sql.Append(" AND ");
            }

            AppendKeyBeyond(key.Field, value, alias, upward);
            if (i > 0)
            {
                sql.Append(')');
            }
        }

        if (inclusive)
        {
            sql.Append(terms++ > 0 ? " OR " : string.Empty);
            sql.Append('(');
            AppendKeyEquals(keys, cursor, alias, keys.Count);
            sql.Append(')');
        }

        if (terms == 0)
        {
            sql.Append("FALSE");
        }

        sql.Append(')');
    }

    /// <summary><c>k1 = v1 AND … AND k(count) = v(count)</c>, with IS NULL for null values.</summary>
    private void AppendKeyEquals(List<OrderBy> keys, Cursor cursor, string alias, int count)
    {
        for (var j = 0; j < count; j++)
        {
            sql.Append(j > 0 ? " AND " : string.Empty).Column(alias, ColumnOf(keys[j].Field));
            if (cursor.Values[j] is { } value)
            {
                sql.Append(" = ");
                AppendCursorValue(keys[j].Field, value);
            }
            else
            {
                sql.Append(" IS NULL");
            }
        }
    }

    /// <summary>
    /// One key strictly beyond the cursor's value: upward is <c>k &gt; v</c> (or NULL, which sorts last upward), downward
    /// <c>k &lt; v</c>, or, from a NULL value, every non-null value.
    /// </summary>
    private void AppendKeyBeyond(FieldModel field, object? value, string alias, bool upward)
    {
        if (value is null)
        {
            sql.Column(alias, ColumnOf(field)).Append(" IS NOT NULL");
            return;
        }

        var nullable = upward && !field.Required && !field.IsSystem;
        if (nullable)
        {
            sql.Append('(');
        }

        sql.Column(alias, ColumnOf(field)).Append(upward ? " > " : " < ");
        AppendCursorValue(field, value);
        if (nullable)
        {
            sql.Append(" OR ").Column(alias, ColumnOf(field)).Append(" IS NULL)");
        }
    }

    /// <summary>Binds a cursor value; a Decimal stays exact text cast to numeric (see <see cref="Cursor"/>).</summary>
    private void AppendCursorValue(FieldModel field, object value)
    {
        if (field.Scalar == ScalarKind.Decimal)
        {
            sql.AppendValue(value, ScalarKind.String).Append("::numeric");
            return;
        }

        sql.AppendValue(value, field.Scalar);
    }

    /// <summary>
    /// Appends the cursor of the row <paramref name="alias"/> in the form <see cref="CursorCodec"/> reads: base64url of
    /// <c>json_build_array(1, 'token', values…)</c>. PostgreSQL's base64 breaks lines and pads, so translate maps
    /// <c>+/</c> to <c>-_</c> and drops <c>=</c> and newlines.
    /// </summary>
    private void AppendCursor(List<OrderBy> keys, string alias)
    {
        sql.Append("translate(encode(convert_to(json_build_array(").Number(CursorCodec.Version).Append(", ").Literal(CursorCodec.OrderToken(keys));
        foreach (var key in keys)
        {
            sql.Append(", ");
            AppendCursorJson(key.Field, alias);
        }

        sql.Append(")::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')");
    }

    /// <summary>A sort key's value in the cursor's JSON form: exact text for Long, Decimal, Float and Json, UTC text for DateTime.</summary>
    private void AppendCursorJson(FieldModel field, string alias)
    {
        switch (field.Scalar)
        {
            case ScalarKind.Long or ScalarKind.Decimal or ScalarKind.Float or ScalarKind.Json:
                sql.Column(alias, ColumnOf(field)).Append("::text");
                break;
            default:
                AppendJsonValue(field, alias);
                break;
        }
    }
}
