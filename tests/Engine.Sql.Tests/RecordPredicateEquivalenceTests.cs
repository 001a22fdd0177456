using System.Globalization;
using System.Text;
using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Sql.Execution;
using Engine.Sql.Tests.Support;
using Engine.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Sql.Tests;

/// <summary>
/// The in-memory <see cref="RecordPredicate"/> against the SQL of the same filters on real PostgreSQL rows: every
/// filter (and its negation) must select exactly the rows the database selects, over a table of nulls, unicode and edge
/// values of every type. The predicate reads each row as Engine.Sql renders it, which is the shape record events carry.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RecordPredicateEquivalenceTests(PostgresDatabase database)
{
    private static readonly string[] Columns = ["name", "count", "big", "ratio", "amount", "flag", "at", "day", "data", "status", "owner_id"];
    private static readonly string[] Types = ["text", "integer", "bigint", "double precision", "numeric", "boolean", "timestamptz", "date", "jsonb", "text", "uuid"];

    private static readonly string?[] Names =
        [null, "", "a", "A", "Z", "ab", "abc", "ABC", "é", "e\u0301", "\uFFFD", "\uE000", "😀", "50%_off", "50% off", "C:\\temp", "straße", "zz"];

    private static readonly string?[] Counts = [null, "-2147483648", "-1", "0", "1", "2", "2147483647"];
    private static readonly string?[] Bigs = [null, "-9223372036854775808", "-1", "0", "9007199254740992", "9007199254740993", "9223372036854775807"];
    private static readonly string?[] Ratios = [null, "NaN", "-Infinity", "Infinity", "-0", "0", "0.1", "0.30000000000000004", "1e300", "-1.5"];

    private static readonly string?[] Amounts =
        [null, "0", "-0.00", "1.5", "1.50", "1.4999999999999999999999999999999", "123456789012345678901234567890.123456789",
         "-123456789012345678901234567890", "0.000000000000000000000000000000001", "NaN", "79228162514264337593543950335"];

    private static readonly string?[] Flags = [null, "true", "false"];

    private static readonly string?[] Times =
        [null, "0001-01-01T00:00:00Z", "1999-12-31T23:59:59.999999Z", "2000-01-01T00:00:00Z", "2024-05-01T12:30:00.123456Z",
         "2024-05-01T12:30:00.123457Z", "9999-12-31T23:59:59.999999Z", "10000-01-01T00:00:00Z"];

    private static readonly string?[] Days = [null, "0001-01-01", "2000-01-01", "2024-02-29", "9999-12-31", "12024-01-01", "infinity", "-infinity"];
    private static readonly string?[] Documents = [null, """{"a": 1}""", """{"a": 1.0}""", """{"b": 1, "a": 1}""", "[1, 2]", "[2, 1]", "\"x\"", "1e2", "100", "true", "{}"];
    private static readonly string?[] Statuses = [null, "DRAFT", "PUBLISHED"];

    private static readonly Guid OwnerA = Guid.Parse("00000000-0000-7000-8000-0000000000aa");
    private static readonly Guid OwnerB = Guid.Parse("ff000000-0000-7000-8000-0000000000bb");

    private const int RowCount = 48;

    [Fact]
    public async Task Compile_EveryFilterAndItsNegation_SelectsExactlyTheRowsPostgreSqlSelects()
    {
        var (model, sample) = await CreateAsync();
        var executor = new SqlPlanExecutor(database.DataSource);
        var all = new Selection(sample.Fields.Where(f => f.HasColumn).Select(f => (SelectionItem)new ScalarSelection(f.Name, f)).ToArray());
        var rows = await QueryAsync(executor, model, new FindManyPlan("rows", sample, ListArguments.All, all));
        Assert.Equal(RowCount, rows.GetArrayLength());

        var mismatches = new List<string>();
        var idOnly = new Selection([new ScalarSelection("id", sample.Id)]);
        foreach (var (description, filter) in Filters(sample))
        {
            foreach (var (text, candidate) in new[] { (description, filter), ("NOT " + description, (Filter)new NotFilter(filter)) })
            {
                var plan = new FindManyPlan("rows", sample, new ListArguments(candidate, [], null, null, null), idOnly);
                var expected = (await QueryAsync(executor, model, plan)).EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order().ToArray();
                var predicate = RecordPredicate.Compile(candidate);
                var actual = rows.EnumerateArray().Where(predicate).Select(r => r.GetProperty("id").GetString()!).Order().ToArray();
                if (!expected.SequenceEqual(actual))
                {
                    mismatches.Add($"{text}: only SQL selects {Describe(rows, expected.Except(actual))}; only the predicate {Describe(rows, actual.Except(expected))}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static IEnumerable<(string Description, Filter Filter)> Filters(ResourceModel sample)
    {
        FieldModel F(string name) => sample.Field(name)!;
        (string, Filter) Cmp(string field, ComparisonOperator op, object? value) =>
            ($"{field} {op} {Show(value)}", new ComparisonFilter(F(field), op, value));
        (string, Filter) In(string field, bool negated, params object?[] values) =>
            ($"{field} {(negated ? "NOT IN" : "IN")} [{string.Join(", ", values.Select(Show))}]", new InFilter(F(field), values, negated));
        (string, Filter) Match(StringMatchOperator op, string value, bool negated) =>
            ($"name {(negated ? "NOT " : "")}{op} {Show(value)}", new StringMatchFilter(F("name"), op, value, negated));
        var orderings = new[] { ComparisonOperator.Equal, ComparisonOperator.NotEqual, ComparisonOperator.LessThan, ComparisonOperator.LessThanOrEqual, ComparisonOperator.GreaterThan, ComparisonOperator.GreaterThanOrEqual };
        var utc = DateTimeKind.Utc;

        var orderedValues = new (string Field, object?[] Values)[]
        {
            ("name", [null, "", "a", "Z", "ab", "é", "e", "\uFFFD", "\uE000", "😀", "50%_off", "straße"]),
            ("count", [null, int.MinValue, -1, 0, 1, int.MaxValue]),
            ("big", [null, long.MinValue, 0L, 9007199254740992L, 9007199254740993L, long.MaxValue]),
            ("ratio", [null, double.NaN, double.NegativeInfinity, double.PositiveInfinity, 0.0, -0.0, 0.1, 0.30000000000000004, 1e299, -1.5]),
            ("amount", [null, 0m, 1.5m, 1.4999999999999999999999999999m, 79228162514264337593543950335m, -79228162514264337593543950335m, 0.0000000000000000000000000001m]),
            ("flag", [null, true, false]),
            ("at", [null, new DateTime(2024, 5, 1, 12, 30, 0, utc).AddTicks(1_234_567), new DateTime(2024, 5, 1, 12, 30, 0, utc).AddTicks(1_234_569),
                new DateTime(1999, 12, 31, 23, 59, 59, utc).AddTicks(9_999_995), new DateTime(2000, 1, 1, 0, 0, 0, utc), DateTime.MaxValue, DateTime.MinValue,
                new DateTime(1, 1, 1, 0, 0, 0, utc).AddTicks(5)]),
            ("day", [null, new DateOnly(1, 1, 1), new DateOnly(1, 1, 2), new DateOnly(2024, 2, 29), new DateOnly(9999, 12, 30), new DateOnly(9999, 12, 31)]),
            ("status", [null, "DRAFT", "PUBLISHED", "M"]),
            ("id", [null, RowId(10), RowId(47), Guid.Parse("00000010-ffff-7000-8000-000000000000")]),
            ("owner", [null, OwnerA, OwnerB]),
        };
        foreach (var (field, values) in orderedValues)
        {
            foreach (var value in values)
            {
                foreach (var op in orderings)
                {
                    yield return Cmp(field, op, value);
                }
            }
        }

        foreach (var document in new[] { """{"a": 1}""", """{"a": 1, "b": 1}""", "[1, 2]", "\"x\"", "100", "1.0e2", "true", "{}", """{"a": 2, "a": 1}""" })
        {
            yield return Cmp("data", ComparisonOperator.Equal, new JsonText(document));
            yield return Cmp("data", ComparisonOperator.NotEqual, new JsonText(document));
        }

        yield return Cmp("data", ComparisonOperator.Equal, null);
        yield return In("data", false, new JsonText("[2, 1]"), new JsonText("""{"a": 1}"""));

        foreach (var negated in new[] { false, true })
        {
            yield return In("name", negated, "a", "é", "😀");
            yield return In("name", negated, "a", null);
            yield return In("name", negated);
            yield return In("count", negated, 0, 1, null);
            yield return In("count", negated, 2147483647);
            yield return In("big", negated, 9007199254740993L, 0L);
            yield return In("ratio", negated, double.NaN, 0.0);
            yield return In("amount", negated, 1.5m, 0m, null);
            yield return In("flag", negated, true);
            yield return In("at", negated, new DateTime(2000, 1, 1, 0, 0, 0, utc), new DateTime(2024, 5, 1, 12, 30, 0, utc).AddTicks(1_234_560));
            yield return In("day", negated, new DateOnly(2024, 2, 29), null);
            yield return In("status", negated, "DRAFT");
            yield return In("owner", negated, OwnerA, null);
            yield return In("id", negated, RowId(3), RowId(4));

            foreach (var op in new[] { StringMatchOperator.Contains, StringMatchOperator.StartsWith, StringMatchOperator.EndsWith })
            {
                foreach (var pattern in new[] { "", "a", "A", "%", "_", "50%_", "% o", "\\", "C:\\", "ße", "😀", "\u0301", "b" })
                {
                    yield return Match(op, pattern, negated);
                }
            }
        }

        yield return ("AND []", new AndFilter([]));
        yield return ("OR []", new OrFilter([]));
        yield return ("count = 1 OR name = a", new OrFilter([new ComparisonFilter(F("count"), ComparisonOperator.Equal, 1), new ComparisonFilter(F("name"), ComparisonOperator.Equal, "a")]));
        yield return ("count > 0 AND ratio < 1", new AndFilter([new ComparisonFilter(F("count"), ComparisonOperator.GreaterThan, 0), new ComparisonFilter(F("ratio"), ComparisonOperator.LessThan, 1.0)]));
        yield return ("NOT (flag AND NOT amount > 1)", new NotFilter(new AndFilter([
            new ComparisonFilter(F("flag"), ComparisonOperator.Equal, true),
            new NotFilter(new ComparisonFilter(F("amount"), ComparisonOperator.GreaterThan, 1m))])));
    }

    /// <summary>A fresh schema with the Sample table and its rows: every column cycles through its values at its own stride.</summary>
    private async Task<(SchemaModel Model, ResourceModel Sample)> CreateAsync()
    {
        var schema = UniqueNames.Resource("Predicate").ToLowerInvariant();
        var model = SchemaModelBuilder.Build(1, Definitions, schema);
        await using (var ddl = database.DataSource.CreateCommand($"""
            CREATE SCHEMA "{schema}";
            CREATE TABLE "{schema}"."owner" ("id" uuid PRIMARY KEY, "created_at" timestamptz NOT NULL DEFAULT now(),
              "updated_at" timestamptz NOT NULL DEFAULT now(), "label" text);
            CREATE TABLE "{schema}"."sample" ("id" uuid PRIMARY KEY, "created_at" timestamptz NOT NULL DEFAULT now(),
              "updated_at" timestamptz NOT NULL DEFAULT now(), "name" text, "count" integer, "big" bigint, "ratio" double precision,
              "amount" numeric, "flag" boolean, "at" timestamptz, "day" date, "data" jsonb, "status" text,
              "owner_id" uuid REFERENCES "{schema}"."owner" ("id"));
            INSERT INTO "{schema}"."owner" ("id") VALUES ('{OwnerA}'), ('{OwnerB}');
            """))
        {
            await ddl.ExecuteNonQueryAsync();
        }

        var insert = new StringBuilder($"INSERT INTO \"{schema}\".\"sample\" (\"id\"");
        foreach (var column in Columns)
        {
            insert.Append(", \"").Append(column).Append('"');
        }

        insert.Append(") VALUES ($1::uuid");
        for (var i = 0; i < Columns.Length; i++)
        {
            insert.Append(", $").Append(i + 2).Append("::").Append(Types[i]);
        }

        insert.Append(')');
        string?[][] values = [Names, Counts, Bigs, Ratios, Amounts, Flags, Times, Days, Documents, Statuses, [null, OwnerA.ToString(), OwnerB.ToString()]];
        for (var row = 0; row < RowCount; row++)
        {
            await using var command = database.DataSource.CreateCommand(insert.ToString());
            command.Parameters.Add(Text(RowId(row).ToString()));
            for (var column = 0; column < values.Length; column++)
            {
                // Row 0 is all nulls; other rows step through each column's values at a different stride.
                var options = values[column];
                command.Parameters.Add(Text(row == 0 ? null : options[(row * (column + 1) + column) % options.Length]));
            }

            await command.ExecuteNonQueryAsync();
        }

        return (model, model.Resource("Sample")!);
    }

    private static readonly IReadOnlyList<ResourceDefinition> Definitions =
    [
        new ResourceDefinition
        {
            Name = "Owner",
            Fields =
            [
                new FieldDefinition { Name = "label", Type = FieldTypes.String },
                new FieldDefinition { Name = "samples", Type = FieldTypes.Relation, Target = "Sample", Cardinality = "many", Inverse = "owner" },
            ],
        },
        new ResourceDefinition
        {
            Name = "Sample",
            Fields =
            [
                new FieldDefinition { Name = "name", Type = FieldTypes.String },
                new FieldDefinition { Name = "count", Type = FieldTypes.Int },
                new FieldDefinition { Name = "big", Type = FieldTypes.Long },
                new FieldDefinition { Name = "ratio", Type = FieldTypes.Float },
                new FieldDefinition { Name = "amount", Type = FieldTypes.Decimal },
                new FieldDefinition { Name = "flag", Type = FieldTypes.Boolean },
                new FieldDefinition { Name = "at", Type = FieldTypes.DateTime },
                new FieldDefinition { Name = "day", Type = FieldTypes.Date },
                new FieldDefinition { Name = "data", Type = FieldTypes.Json },
                new FieldDefinition { Name = "status", Type = FieldTypes.Enum, Values = ["DRAFT", "PUBLISHED"] },
                new FieldDefinition { Name = "owner", Type = FieldTypes.Relation, Target = "Owner", Cardinality = "one", Inverse = "samples" },
            ],
        },
    ];

    private static Guid RowId(int row) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"{row * 0x01010101:x8}-0000-7000-8000-{row:x12}"));

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static async Task<JsonElement> QueryAsync(SqlPlanExecutor executor, SchemaModel model, RootPlan plan)
    {
        var results = await executor.QueryAsync(model, [plan], RequestContext.System, CancellationToken.None);
        var result = Assert.Single(results);
        Assert.True(result.Error is null, result.Error?.Message);
        using var document = JsonDocument.Parse(result.Json!.Value);
        return document.RootElement.Clone();
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        JsonText j => j.Text,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };

    /// <summary>The rows' JSON, for a readable failure.</summary>
    private static string Describe(JsonElement rows, IEnumerable<string> ids)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        return set.Count == 0 ? "nothing" : string.Join(" ", rows.EnumerateArray().Where(r => set.Contains(r.GetProperty("id").GetString()!)).Select(r => r.GetRawText()));
    }
}
