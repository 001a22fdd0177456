using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.MetadataStore.Tests.Store;
using Engine.Testing;
using Npgsql;
using static Engine.MetadataStore.Tests.Definitions;
using static Engine.MetadataStore.Tests.Outbox.OutboxRows;

namespace Engine.MetadataStore.Tests.Outbox;

/// <summary>Every write to a table the store created leaves exactly the right outbox rows, in the same transaction.</summary>
[Collection(MetadataStoreCollection.Name)]
public class OutboxTriggerTests(PostgresDatabase database) : StoreTestBase(database)
{
    private async Task<(string Name, string Table)> CreateNoteAsync(params FieldDefinition[] extra)
    {
        var name = UniqueNames.Resource("Note");
        var result = await PutAsync(Resource(name, [Field("title", FieldTypes.String), .. extra]));
        Assert.Equal(ChangeStatus.Applied, result.Status);
        return (name, TableOf(name));
    }

    [Fact]
    public async Task RecordChanged_InsertOneRecord_WritesOneInsertRowWithNewRow()
    {
        var (name, table) = await CreateNoteAsync();
        var id = Guid.NewGuid();

        await InsertTitledAsync(Database.DataSource, table, id, "first");

        var row = Assert.Single(await OfAsync(Database.DataSource, name));
        Assert.Equal(name, row.Resource);
        Assert.Equal("I", row.Operation);
        Assert.Equal(id, row.RecordId);
        Assert.NotEqual(Guid.Empty, row.EventId);
        Assert.Null(row.OldRow);
        Assert.Null(row.DeliveredAt);
        var newRow = row.NewRow!.Value;
        Assert.Equal(id.ToString(), newRow.GetProperty("id").GetString());
        Assert.Equal("first", newRow.GetProperty("title").GetString());
        Assert.True(newRow.TryGetProperty("created_at", out _));
        Assert.True(newRow.TryGetProperty("updated_at", out _));
    }

    [Fact]
    public async Task RecordChanged_UpdateOneRecord_WritesUpdateRowWithOldAndNewRow()
    {
        var (name, table) = await CreateNoteAsync();
        var id = Guid.NewGuid();
        await InsertTitledAsync(Database.DataSource, table, id, "before");

        await ExecuteAsync(Database.DataSource, $"UPDATE data.\"{table}\" SET title = 'after', updated_at = now() WHERE id = $1", id);

        var rows = await OfAsync(Database.DataSource, name);
        Assert.Equal(["I", "U"], rows.Select(r => r.Operation));
        var update = rows[1];
        Assert.Equal(id, update.RecordId);
        Assert.Equal("before", update.OldRow!.Value.GetProperty("title").GetString());
        Assert.Equal("after", update.NewRow!.Value.GetProperty("title").GetString());
        Assert.True(rows[0].Seq < update.Seq);
    }

    [Fact]
    public async Task RecordChanged_DeleteOneRecord_WritesDeleteRowWithOldRow()
    {
        var (name, table) = await CreateNoteAsync();
        var id = Guid.NewGuid();
        await InsertTitledAsync(Database.DataSource, table, id, "gone");

        await ExecuteAsync(Database.DataSource, $"DELETE FROM data.\"{table}\" WHERE id = $1", id);

        var delete = (await OfAsync(Database.DataSource, name))[^1];
        Assert.Equal("D", delete.Operation);
        Assert.Equal(id, delete.RecordId);
        Assert.Equal("gone", delete.OldRow!.Value.GetProperty("title").GetString());
        Assert.Null(delete.NewRow);
    }

    [Fact]
    public async Task RecordChanged_UpdateAndDeleteThreeRecordsInOneStatement_WritesThreeRowsEach()
    {
        var (name, table) = await CreateNoteAsync();
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        foreach (var id in ids)
        {
            await InsertTitledAsync(Database.DataSource, table, id, "draft");
        }

        await InsertTitledAsync(Database.DataSource, table, Guid.NewGuid(), "untouched");
        await ExecuteAsync(Database.DataSource, $"UPDATE data.\"{table}\" SET title = 'published' WHERE title = 'draft'");
        await ExecuteAsync(Database.DataSource, $"DELETE FROM data.\"{table}\" WHERE title = 'published'");

        var rows = await OfAsync(Database.DataSource, name);
        Assert.Equal(["I", "I", "I", "I", "U", "U", "U", "D", "D", "D"], rows.Select(r => r.Operation));
        Assert.Equal(ids.Order(), rows.Where(r => r.Operation == "U").Select(r => r.RecordId).Order());
        Assert.Equal(ids.Order(), rows.Where(r => r.Operation == "D").Select(r => r.RecordId).Order());
        Assert.All(rows.Where(r => r.Operation == "U"), r => Assert.Equal("published", r.NewRow!.Value.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task RecordChanged_DeleteParentWithCascadeAndSetNullChildren_WritesRowsForAffectedChildren()
    {
        var parent = UniqueNames.Resource("Folder");
        var owned = UniqueNames.Resource("Page");
        var linked = UniqueNames.Resource("Link");
        await PutAsync(Resource(parent, Field("title", FieldTypes.String)));
        await PutAsync(Resource(owned, Field("title", FieldTypes.String), ToOne("folder", parent, "CASCADE")));
        await PutAsync(Resource(linked, Field("title", FieldTypes.String), ToOne("folder", parent, "SET_NULL")));
        var folderId = Guid.NewGuid();
        var pageIds = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var linkId = Guid.NewGuid();
        await InsertTitledAsync(Database.DataSource, TableOf(parent), folderId, "folder");
        foreach (var pageId in pageIds)
        {
            await ExecuteAsync(Database.DataSource, $"INSERT INTO data.\"{TableOf(owned)}\" (id, folder_id) VALUES ($1, $2)", pageId, folderId);
        }

        await ExecuteAsync(Database.DataSource, $"INSERT INTO data.\"{TableOf(linked)}\" (id, folder_id) VALUES ($1, $2)", linkId, folderId);

        await ExecuteAsync(Database.DataSource, $"DELETE FROM data.\"{TableOf(parent)}\" WHERE id = $1", folderId);

        Assert.Equal(folderId, (await OfAsync(Database.DataSource, parent)).Single(r => r.Operation == "D").RecordId);
        var pageDeletes = (await OfAsync(Database.DataSource, owned)).Where(r => r.Operation == "D").ToArray();
        Assert.Equal(pageIds.Order(), pageDeletes.Select(r => r.RecordId).Order());
        Assert.All(pageDeletes, r => Assert.Equal(folderId.ToString(), r.OldRow!.Value.GetProperty("folder_id").GetString()));
        var linkUpdate = (await OfAsync(Database.DataSource, linked)).Single(r => r.Operation == "U");
        Assert.Equal(linkId, linkUpdate.RecordId);
        Assert.Equal(folderId.ToString(), linkUpdate.OldRow!.Value.GetProperty("folder_id").GetString());
        Assert.Equal(JsonValueKind.Null, linkUpdate.NewRow!.Value.GetProperty("folder_id").ValueKind);
    }

    [Fact]
    public async Task RecordChanged_RolledBackTransaction_LeavesNoRows()
    {
        var (name, table) = await CreateNoteAsync();
        var kept = Guid.NewGuid();
        await InsertTitledAsync(Database.DataSource, table, kept, "kept");

        await using (var connection = await Database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var sql in new[]
            {
                $"INSERT INTO data.\"{table}\" (id, title) VALUES (gen_random_uuid(), 'never')",
                $"UPDATE data.\"{table}\" SET title = 'never'",
                $"DELETE FROM data.\"{table}\"",
            })
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                await command.ExecuteNonQueryAsync();
            }

            await transaction.RollbackAsync();
        }

        var row = Assert.Single(await OfAsync(Database.DataSource, name));
        Assert.Equal(("I", kept), (row.Operation, row.RecordId));
    }

    [Fact]
    public async Task RecordChanged_ManyToManyLinksInsertedAndDeleted_WritesNoRows()
    {
        var tag = UniqueNames.Resource("Tag");
        var post = UniqueNames.Resource("Post");
        await PutAsync(Resource(tag, Field("title", FieldTypes.String)));
        await PutAsync(Resource(post, Field("title", FieldTypes.String), ToMany("tags", tag)));
        var joinTable = $"{TableOf(post)}_tags";
        var postId = Guid.NewGuid();
        var tagId = Guid.NewGuid();
        await InsertTitledAsync(Database.DataSource, TableOf(post), postId, "post");
        await InsertTitledAsync(Database.DataSource, TableOf(tag), tagId, "tag");

        var lastSeq = await Database.ScalarAsync("SELECT coalesce(max(seq), 0) FROM engine_meta.outbox");

        await ExecuteAsync(
            Database.DataSource, $"INSERT INTO data.\"{joinTable}\" (\"{TableOf(post)}_id\", \"{TableOf(tag)}_id\") VALUES ($1, $2)", postId, tagId);
        await ExecuteAsync(Database.DataSource, $"DELETE FROM data.\"{joinTable}\" WHERE \"{TableOf(post)}_id\" = $1", postId);

        // The collection's tests run one at a time, so any row after lastSeq would come from the link writes.
        Assert.Equal(lastSeq, await Database.ScalarAsync("SELECT coalesce(max(seq), 0) FROM engine_meta.outbox"));
        Assert.False(await Database.ScalarAsync(
            "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass(format('data.%I', $1::text)) AND NOT tgisinternal)", joinTable) is true);
    }

    [Fact]
    public async Task RecordChanged_ManyRecords_ShardIsHashtextOfRecordIdAndFifteen()
    {
        var (name, table) = await CreateNoteAsync();

        await ExecuteAsync(Database.DataSource, $"INSERT INTO data.\"{table}\" (id, title) SELECT gen_random_uuid(), 'n' FROM generate_series(1, 64)");

        var rows = await OfAsync(Database.DataSource, name);
        Assert.Equal(64, rows.Count);
        Assert.All(rows, r => Assert.Equal(r.ExpectedShard, r.Shard));
        Assert.All(rows, r => Assert.InRange(r.Shard, (short)0, (short)15));
        Assert.True(rows.Select(r => r.Shard).Distinct().Count() > 1);
        Assert.Equal(64, rows.Select(r => r.EventId).Distinct().Count());
    }

    [Fact]
    public async Task RecordChanged_EveryColumnType_NewRowHoldsColumnNamesAndRawJsonbValues()
    {
        var owner = UniqueNames.Resource("Owner");
        await PutAsync(Resource(owner, Field("title", FieldTypes.String)));
        var (name, table) = await CreateNoteAsync(
            Field("issuedOn", FieldTypes.Date),
            Field("sentAt", FieldTypes.DateTime),
            Field("total", FieldTypes.Decimal) with { Precision = 12, Scale = 2 },
            Field("big", FieldTypes.Long),
            Field("pages", FieldTypes.Int),
            Field("ratio", FieldTypes.Float),
            Field("paid", FieldTypes.Boolean),
            Field("meta", FieldTypes.Json),
            Field("status", FieldTypes.Enum) with { Values = ["DRAFT", "SENT"] },
            ToOne("owner", owner, "SET_NULL"));
        var ownerId = Guid.NewGuid();
        await InsertTitledAsync(Database.DataSource, TableOf(owner), ownerId, "owner");

        await ExecuteAsync(
            Database.DataSource,
            $$"""
            INSERT INTO data."{{table}}" (id, created_at, title, issued_on, sent_at, total, big, pages, ratio, paid, meta, status, owner_id)
            VALUES (gen_random_uuid(), '2024-05-01T12:30:00Z', 'all', '2024-01-31', '2024-05-01T12:30:00.5Z', 12.5, 9007199254740993,
                    7, 1.5, true, '{"a": [1, "x"]}', 'SENT', $1)
            """,
            ownerId);

        var row = Assert.Single(await OfAsync(Database.DataSource, name)).NewRow!.Value;
        Assert.Equal("2024-05-01T12:30:00+00:00", row.GetProperty("created_at").GetString());
        Assert.Equal("2024-05-01T12:30:00.5+00:00", row.GetProperty("sent_at").GetString());
        Assert.Equal("2024-01-31", row.GetProperty("issued_on").GetString());
        Assert.Equal("12.50", row.GetProperty("total").GetRawText());
        Assert.Equal("9007199254740993", row.GetProperty("big").GetRawText());
        Assert.Equal("7", row.GetProperty("pages").GetRawText());
        Assert.Equal("1.5", row.GetProperty("ratio").GetRawText());
        Assert.True(row.GetProperty("paid").GetBoolean());
        Assert.Equal("""{"a": [1, "x"]}""", row.GetProperty("meta").GetRawText());
        Assert.Equal("SENT", row.GetProperty("status").GetString());
        Assert.Equal(ownerId.ToString(), row.GetProperty("owner_id").GetString());
        Assert.False(row.TryGetProperty("owner", out _));
    }
}
