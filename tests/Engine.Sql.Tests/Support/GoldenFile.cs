using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Sql.Tests.Support;

/// <summary>
/// Compares generated SQL (and its parameters, as trailing comments) with Golden/&lt;name&gt;.sql exactly. Run the tests
/// with <c>UPDATE_GOLDEN=1</c> to rewrite the files, then review the diff.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, SqlStatement statement, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name + ".sql");
        var actual = Render(statement);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>Compares a sequence of statements (the steps of a nested write), each under a <c>-- step N</c> line.</summary>
    public static void AssertMatches(string name, IReadOnlyList<SqlStatement> statements, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name + ".sql");
        var actual = new StringBuilder();
        for (var i = 0; i < statements.Count; i++)
        {
            actual.Append("-- step ").Append(i + 1).Append('\n').Append(Render(statements[i]));
        }

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual.ToString());
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual.ToString());
    }

    private static string Render(SqlStatement statement)
    {
        var sb = new StringBuilder(statement.Text).Append('\n');
        for (var i = 0; i < statement.Parameters.Count; i++)
        {
            var p = statement.Parameters[i];
            sb.Append("-- $").Append(i + 1).Append(' ').Append(TypeName(p.NpgsqlDbType)).Append(": ").Append(Format(p)).Append('\n');
        }

        foreach (var check in statement.ConnectChecks)
        {
            sb.Append("-- connect check: ").Append(check.InputPath).Append('\n');
        }

        return sb.ToString();
    }

    private static string TypeName(NpgsqlDbType type) =>
        type.HasFlag(NpgsqlDbType.Array) ? (type & ~NpgsqlDbType.Array) + "[]" : type.ToString();

    private static string Format(NpgsqlParameter p) => p.Value switch
    {
        DBNull => "NULL",
        Array a => "{" + string.Join(", ", a.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + "}",
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };
}
