using System.Text;
using System.Text.Json;
using Engine.Events.Conversion;
using Engine.Events.Outbox;
using Engine.Events.Tests.Support;
using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Filters;
using Engine.Query.Plans;
using Engine.Runtime.Events;
using Engine.Sql.Execution;
using Engine.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Events.Tests.Conversion;

public sealed class RecordEventConverterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private OutboxTestBed bed = null!;
    private ResourceModel author = null!;
    private ResourceModel post = null!;

    public async Task InitializeAsync()
    {
        bed = await OutboxTestBed.CreateAsync(database);
        (author, post) = await bed.PutBlogAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Convert_InsertOfEveryFieldType_EqualsTheSqlPathJson()
    {
        var authorId = await bed.InsertAsync(author, ("name", "Ada"));
        var id = await bed.InsertAsync(post,
            ("title", "Hello \"world\" ✓"),
            ("views", 42),
            ("big", 9_007_199_254_740_993L),
            ("rating", 0.1),
            ("price", 12.50m),
            ("published", true),
            ("published_at", new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Utc).AddTicks(1230)),
            ("day", new DateOnly(2024, 2, 29)),
            ("meta", new NpgsqlParameter { Value = """{"b": [1, 2.50, null], "a": "x"}""", NpgsqlDbType = NpgsqlDbType.Jsonb }),
            ("status", "PUBLISHED"),
            ("author_id", authorId));

        var recordEvent = Convert(Assert.Single(await bed.RowsAsync(post.Name)));

        Assert.Equal(RecordAction.Created, recordEvent.Action);
        Assert.Equal(id, recordEvent.RecordId);
        Assert.Equal(post.Name, recordEvent.Resource);
        Assert.Null(recordEvent.PreviousValues);
        Assert.Empty(recordEvent.UpdatedFields);
        var expected = await SqlPathJsonAsync(id);
        AssertSameJson(expected, recordEvent.Data);
        using var data = JsonDocument.Parse(recordEvent.Data);
        Assert.Equal("9007199254740993", data.RootElement.GetProperty("big").GetString());
        Assert.Equal("12.50", data.RootElement.GetProperty("price").GetString());
        Assert.Equal("2024-05-01T12:30:00.000123Z", data.RootElement.GetProperty("publishedAt").GetString());
        Assert.Equal("2024-02-29", data.RootElement.GetProperty("day").GetString());
        Assert.Equal(authorId.ToString(), data.RootElement.GetProperty("author").GetString());
        Assert.Equal(0.1, data.RootElement.GetProperty("rating").GetDouble());
    }

    [Fact]
    public async Task Convert_InsertWithNulls_WritesNullForEveryOptionalField()
    {
        var id = await bed.InsertAsync(post, ("title", null));

        var recordEvent = Convert(Assert.Single(await bed.RowsAsync(post.Name), r => r.RecordId == id));

        AssertSameJson(await SqlPathJsonAsync(id), recordEvent.Data);
        using var data = JsonDocument.Parse(recordEvent.Data);
        Assert.Equal(JsonValueKind.Null, data.RootElement.GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.RootElement.GetProperty("price").ValueKind);
    }

    [Fact]
    public async Task Convert_ExtremeValues_EqualsTheSqlPathJson()
    {
        var id = await bed.InsertAsync(post, ("title", "extremes"));
        await database.ScalarAsync($"""
            UPDATE "{bed.Store.DataSchema}"."{post.Table}"
            SET rating = 1e300, big = -9223372036854775808, price = 'NaN', published_at = 'infinity', day = '0044-03-15 BC',
                created_at = '0044-03-15 12:00:00+00 BC', meta = '"just a string"'
            WHERE id = $1
            """, id);
        await database.ScalarAsync($"""UPDATE "{bed.Store.DataSchema}"."{post.Table}" SET rating = 'NaN', published_at = '12000-01-01 00:00:00.5+05' WHERE id = $1""", id);

        var rows = (await bed.RowsAsync(post.Name)).Where(r => r.RecordId == id).ToList();
        var expected = await SqlPathJsonAsync(id);
        var last = Convert(rows[^1]);

        AssertSameJson(expected, last.Data);
        using var previous = JsonDocument.Parse(last.PreviousValues!.Value);
        Assert.Equal("1e+300", previous.RootElement.GetProperty("rating").GetRawText());
        Assert.Equal(JsonValueKind.Null, previous.RootElement.GetProperty("publishedAt").ValueKind);
        Assert.Equal(["rating", "publishedAt"], last.UpdatedFields);
    }

    [Fact]
    public async Task Convert_Update_ListsChangedUserFieldsAndPreviousValues()
    {
        var id = await bed.InsertAsync(post, ("title", "before"), ("views", 1), ("price", 1.00m));
        await bed.UpdateAsync(post, id, ("title", "after"), ("views", 2), ("price", 1.00m));

        var rows = (await bed.RowsAsync(post.Name)).Where(r => r.RecordId == id).ToList();
        var recordEvent = Convert(rows[1]);

        Assert.Equal(RecordAction.Updated, recordEvent.Action);
        Assert.Equal(["title", "views"], recordEvent.UpdatedFields);
        AssertSameJson(await SqlPathJsonAsync(id), recordEvent.Data);
        using var previous = JsonDocument.Parse(recordEvent.PreviousValues!.Value);
        Assert.Equal("before", previous.RootElement.GetProperty("title").GetString());
        Assert.Equal(1, previous.RootElement.GetProperty("views").GetInt32());
    }

    [Fact]
    public async Task Convert_Delete_DataIsTheRecordBeforeTheDelete()
    {
        var id = await bed.InsertAsync(post, ("title", "doomed"));
        var expected = await SqlPathJsonAsync(id);
        await bed.DeleteAsync(post, id);

        var rows = (await bed.RowsAsync(post.Name)).Where(r => r.RecordId == id).ToList();
        var recordEvent = Convert(rows[^1]);

        Assert.Equal(RecordAction.Deleted, recordEvent.Action);
        AssertSameJson(expected, recordEvent.Data);
        Assert.Null(recordEvent.PreviousValues);
    }

    [Fact]
    public async Task Convert_SetNullCascade_IsAnUpdateOfTheRelation()
    {
        var authorId = await bed.InsertAsync(author, ("name", "Bob"));
        var id = await bed.InsertAsync(post, ("title", "orphan"), ("author_id", authorId));
        await bed.DeleteAsync(author, authorId);

        var recordEvent = Convert((await bed.RowsAsync(post.Name)).Last(r => r.RecordId == id));

        Assert.Equal(RecordAction.Updated, recordEvent.Action);
        Assert.Equal(["author"], recordEvent.UpdatedFields);
    }

    [Fact]
    public void Convert_RowWithUnknownAndMissingColumns_IgnoresUnknownAndWritesNullForMissing()
    {
        var json = """{"id": "0b8f3c1e-7a5d-4c1b-9a0e-1f2d3c4b5a69", "zzz": 1, "title": "t", "created_at": "2024-01-01T00:00:00+00:00", "a_new_column": [1]}""";
        var row = new OutboxRow(1, Guid.NewGuid(), post.Name, 'I', Guid.NewGuid(), DateTimeOffset.UtcNow, null, Encoding.UTF8.GetBytes(json));

        var recordEvent = RecordEventConverter.For(post).Convert(row);

        using var data = JsonDocument.Parse(recordEvent.Data);
        var keys = data.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(post.Fields.Where(f => f.Kind != FieldKind.ToMany).Select(f => f.Name), keys);
        Assert.Equal("t", data.RootElement.GetProperty("title").GetString());
        Assert.Equal("2024-01-01T00:00:00.000000Z", data.RootElement.GetProperty("createdAt").GetString());
        Assert.Equal(JsonValueKind.Null, data.RootElement.GetProperty("updatedAt").ValueKind);
    }

    [Fact]
    public void Convert_UnknownOperation_ThrowsFormatException()
    {
        var row = new OutboxRow(7, Guid.NewGuid(), post.Name, 'X', Guid.NewGuid(), DateTimeOffset.UtcNow, null, "{}"u8.ToArray());

        var error = Assert.Throws<FormatException>(() => RecordEventConverter.For(post).Convert(row));

        Assert.Contains("outbox row 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_SameResourceModel_ReturnsTheCompiledConverter()
    {
        Assert.Same(RecordEventConverter.For(post), RecordEventConverter.For(post));
        Assert.Equal("engine.events." + Engine.Metadata.Naming.NameConventions.ToSnakeCase(post.Name) + ".updated",
            RecordEventConverter.For(post).Names.Subject(RecordAction.Updated));
    }

    private RecordEvent Convert(OutboxRow row) => RecordEventConverter.For(post).Convert(row);

    /// <summary>The record as Engine.Sql renders it for a query selecting every field (to-one relations as their id).</summary>
    private async Task<JsonElement> SqlPathJsonAsync(Guid id)
    {
        var model = bed.Snapshots.Current.Model;
        var items = post.Fields.Where(f => f.Kind != FieldKind.ToMany).Select(f => (SelectionItem)new ScalarSelection(f.Name, f)).ToArray();
        var plan = new FindUniquePlan("post", post, new ComparisonFilter(post.Id, ComparisonOperator.Equal, id), new Selection(items));
        var result = Assert.Single(await new SqlPlanExecutor(bed.DataSource).QueryAsync(model, [plan], RequestContext.System, CancellationToken.None));
        Assert.Null(result.Error);
        using var document = JsonDocument.Parse(result.Json!.Value);
        return document.RootElement.Clone();
    }

    /// <summary>Same keys in the same order with the same raw values (so Long stays a string, 12.50 keeps its zero).</summary>
    private static void AssertSameJson(JsonElement expected, ReadOnlyMemory<byte> actual)
    {
        using var document = JsonDocument.Parse(actual);
        var expectedPairs = expected.EnumerateObject().Select(p => (p.Name, Normalize(p.Value))).ToArray();
        var actualPairs = document.RootElement.EnumerateObject().Select(p => (p.Name, Normalize(p.Value))).ToArray();
        Assert.Equal(expectedPairs, actualPairs);
    }

    /// <summary>Raw text without insignificant whitespace.</summary>
    private static string Normalize(JsonElement value) => value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
        ? JsonSerializer.Serialize(value)
        : value.GetRawText();
}
