using System.Globalization;
using System.Text;
using Engine.Metadata.Model;
using Npgsql;

namespace Engine.Sql.Building;

/// <summary>
/// Accumulates SQL text and its positional parameters together: every value goes in through
/// <see cref="AppendValue"/> (or another parameter method), so no value can be spliced into the text.
/// Identifiers and literals go through <see cref="SqlIdentifier"/>. Line breaks and indentation keep the
/// generated SQL readable in logs and golden files.
/// </summary>
internal sealed class CommandBuilder
{
    [ThreadStatic]
    private static StringBuilder? cachedText;

    private readonly StringBuilder text;
    private readonly List<NpgsqlParameter> parameters = [];
    private int depth;

    /// <summary>Starts a command, reusing this thread's text buffer when it is free.</summary>
    public CommandBuilder()
    {
        text = cachedText ?? new StringBuilder(1024);
        cachedText = null;
        text.Clear();
    }

    public CommandBuilder Append(string sql)
    {
        text.Append(sql);
        return this;
    }

    public CommandBuilder Append(char sql)
    {
        text.Append(sql);
        return this;
    }

    /// <summary>Appends a quoted identifier: <c>"post"</c>.</summary>
    public CommandBuilder Identifier(string name)
    {
        SqlIdentifier.AppendQuoted(text, name);
        return this;
    }

    /// <summary>Appends <c>"schema"."table"</c>.</summary>
    public CommandBuilder Table(string schema, string table)
    {
        SqlIdentifier.AppendQuoted(text, schema);
        text.Append('.');
        SqlIdentifier.AppendQuoted(text, table);
        return this;
    }

    /// <summary>Appends <c>alias."column"</c>; aliases are generated (<c>t0</c>, <c>j1</c>) and never need quoting.</summary>
    public CommandBuilder Column(string alias, string column)
    {
        text.Append(alias).Append('.');
        SqlIdentifier.AppendQuoted(text, column);
        return this;
    }

    /// <summary>Appends a string literal of a name (a response key, a type name); never a user value.</summary>
    public CommandBuilder Literal(string name)
    {
        SqlIdentifier.AppendLiteral(text, name);
        return this;
    }

    /// <summary>Appends a whole number known at compile time (an index, never a user value).</summary>
    public CommandBuilder Number(int value)
    {
        text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Binds a value of a field of kind <paramref name="kind"/> and appends its placeholder.</summary>
    public CommandBuilder AppendValue(object? value, ScalarKind kind) => Parameter(ParameterFactory.Scalar(value, kind));

    /// <summary>Binds an integer (OFFSET) and appends its placeholder.</summary>
    public CommandBuilder AppendInteger(int value) => Parameter(ParameterFactory.Integer(value));

    /// <summary>
    /// Appends a row count (LIMIT) as a literal. With a parameter PostgreSQL's generic plan assumes a LIMIT of 10 % of
    /// the rows, costs far more than the custom plan and is never chosen, so every execution would be planned again
    /// (planning cost as much as running the page). Page sizes are few, so the prepared-statement cache stays small.
    /// </summary>
    public CommandBuilder AppendRowCount(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Binds the non-null values as a typed array and appends its placeholder.</summary>
    public CommandBuilder AppendArray(IReadOnlyList<object?> values, ScalarKind kind) => Parameter(ParameterFactory.Array(values, kind));

    /// <summary>Starts a new line one level deeper.</summary>
    public CommandBuilder Indent()
    {
        depth++;
        return NewLine();
    }

    /// <summary>Goes back one level (the next <see cref="NewLine"/> uses it).</summary>
    public CommandBuilder Outdent()
    {
        depth--;
        return this;
    }

    /// <summary>Starts a new line at the current depth.</summary>
    public CommandBuilder NewLine()
    {
        text.Append('\n').Append(' ', depth * 2);
        return this;
    }

    /// <summary>Finishes the command and gives the text buffer back to this thread.</summary>
    public SqlStatement Build(IReadOnlyList<ConnectCheck> connectChecks)
    {
        var sql = text.ToString();
        if (text.Capacity <= 64 * 1024)
        {
            cachedText = text;
        }

        return new SqlStatement(sql, parameters, connectChecks);
    }

    private CommandBuilder Parameter(NpgsqlParameter parameter)
    {
        parameters.Add(parameter);
        text.Append('$').Append(parameters.Count.ToString(CultureInfo.InvariantCulture));
        return this;
    }
}
