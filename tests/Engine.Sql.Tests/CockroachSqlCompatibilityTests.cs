using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Engine.Sql.Tests;

/// <summary>
/// Every statement in Golden/*.sql is one the CockroachDB dialect sends as it is (only upserts run differently, as
/// Golden/cockroach/upsert-*.sql). None may use what CockroachDB does not have, so a PostgreSQL-only construct added
/// to the compiler fails here, not in production.
/// </summary>
public sealed partial class CockroachSqlCompatibilityTests
{
    /// <summary>What CockroachDB lacks, with why (see docs/operations.md, CockroachDB).</summary>
    private static readonly (string Pattern, string Why)[] Unsupported =
    [
        ("pg_advisory", "CockroachDB has no advisory locks (no-op stubs at best)"),
        ("pg_try_advisory", "CockroachDB has no advisory locks"),
        ("hashtext", "CockroachDB has no hashtext"),
        ("pg_notify", "CockroachDB has no LISTEN/NOTIFY"),
        ("NOTIFY ", "CockroachDB has no LISTEN/NOTIFY"),
        ("LISTEN ", "CockroachDB has no LISTEN/NOTIFY"),
        ("\"char\"", "use text; CockroachDB's \"char\" differs"),
        ("::regclass", "PostgreSQL catalog type"),
        ("xmin", "no system columns in CockroachDB"),
        ("ctid", "no system columns in CockroachDB"),
        (" COLLATE ", "CockroachDB's collations differ from PostgreSQL's"),
        ("SET LOCAL", "session settings differ; the engine sets none per statement"),
    ];

    public static TheoryData<string> GoldenFiles() => new(Directory.GetFiles(GoldenDirectory(), "*.sql").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_Statement_UsesNothingCockroachLacks(string file)
    {
        foreach (var statement in Statements(file))
        {
            foreach (var (pattern, why) in Unsupported)
            {
                Assert.False(statement.Contains(pattern, StringComparison.OrdinalIgnoreCase), $"{file}: '{pattern}': {why}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_Statement_ModifiesEachTableAtMostOnce(string file)
    {
        if (file.StartsWith("upsert", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var statement in Statements(file))
        {
            var twice = ModifiedTables(statement).GroupBy(t => t).FirstOrDefault(g => g.Count() > 1);
            Assert.True(twice is null, $"{file}: modifies {twice?.Key} twice in one statement, which CockroachDB refuses");
        }
    }

    [Fact]
    public void Golden_SingleStatementUpsert_ModifiesItsTableTwice_SoCockroachRunsItAsSteps()
    {
        var statement = Assert.Single(Statements("upsert.sql"));

        Assert.Contains(ModifiedTables(statement).GroupBy(t => t), g => g.Count() > 1);
        Assert.True(File.Exists(Path.Combine(GoldenDirectory(), "cockroach", "upsert-insert.sql")));
    }

    /// <summary>The statements of a golden file: its text without the parameter comments, split at <c>-- step N</c>.</summary>
    private static IEnumerable<string> Statements(string file)
    {
        var text = File.ReadAllText(Path.Combine(GoldenDirectory(), file));
        return StepSeparator().Split(text)
            .Select(s => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))))
            .Where(s => !string.IsNullOrWhiteSpace(s));
    }

    private static IEnumerable<string> ModifiedTables(string statement) =>
        ModifiedTable().Matches(statement).Select(m => m.Groups["table"].Value);

    private static string GoldenDirectory([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Golden");

    [GeneratedRegex(@"^-- step \d+$", RegexOptions.Multiline)]
    private static partial Regex StepSeparator();

    [GeneratedRegex(@"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?<table>""[^""]+""\.""[^""]+"")", RegexOptions.IgnoreCase)]
    private static partial Regex ModifiedTable();
}
