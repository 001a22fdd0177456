using Engine.Metadata.Model;

namespace Engine.Sql.Compiling;

public sealed partial class PostgresCompiler
{
    /// <summary>
    /// Appends a column as the JSON value clients expect (SPEC §1): Long and Decimal as strings (JSON numbers lose
    /// precision in most clients); DateTime as UTC ISO 8601 with microseconds and <c>Z</c>
    /// (<c>2024-05-01T12:30:00.000000Z</c>, independent of the session time zone); everything else as PostgreSQL's
    /// own JSON form (uuid and date as strings, numbers, booleans, jsonb embedded).
    /// </summary>
    private void AppendJsonValue(FieldModel field, string alias)
    {
        switch (field.Scalar)
        {
            case ScalarKind.Long or ScalarKind.Decimal:
                sql.Column(alias, ColumnOf(field)).Append("::text");
                break;
            case ScalarKind.DateTime:
                sql.Append("to_char(").Column(alias, ColumnOf(field)).Append(" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
                break;
            default:
                sql.Column(alias, ColumnOf(field));
                break;
        }
    }
}
