using System.Text;

namespace Engine.Sql.Building;

/// <summary>The one place identifiers and SQL string literals are written, always quoted.</summary>
public static class SqlIdentifier
{
    /// <summary><c>post</c> → <c>"post"</c>; embedded double quotes are doubled.</summary>
    public static string Quote(string name)
    {
        var sb = new StringBuilder(name.Length + 2);
        AppendQuoted(sb, name);
        return sb.ToString();
    }

    /// <summary><c>data</c>, <c>post</c> → <c>"data"."post"</c>.</summary>
    public static string Qualified(string schema, string name) => Quote(schema) + "." + Quote(name);

    /// <summary>Appends <paramref name="name"/> as a quoted identifier.</summary>
    internal static void AppendQuoted(StringBuilder sb, string name)
    {
        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An SQL identifier must be non-empty and free of NUL characters.", nameof(name));
        }

        sb.Append('"');
        foreach (var c in name)
        {
            if (c == '"')
            {
                sb.Append('"');
            }

            sb.Append(c);
        }

        sb.Append('"');
    }

    /// <summary>
    /// Appends a string literal (<c>'Post'</c>); single quotes are doubled, which is complete escaping under
    /// <c>standard_conforming_strings</c> (on since PostgreSQL 9.1). Used only for names from metadata or GraphQL
    /// response keys, never for user values, which are always parameters.
    /// </summary>
    internal static void AppendLiteral(StringBuilder sb, string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An SQL literal must be free of NUL characters.", nameof(text));
        }

        sb.Append('\'');
        foreach (var c in text)
        {
            if (c == '\'')
            {
                sb.Append('\'');
            }

            sb.Append(c);
        }

        sb.Append('\'');
    }
}
