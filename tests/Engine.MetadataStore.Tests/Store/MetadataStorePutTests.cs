using Engine.Metadata.Definitions;
using Engine.Testing;
using Npgsql;
using static Engine.MetadataStore.Tests.Definitions;

namespace Engine.MetadataStore.Tests.Store;

[Collection(MetadataStoreCollection.Name)]
public class MetadataStorePutTests(PostgresDatabase database) : StoreTestBase(database)
{
    [Fact]
    public async Task ApplyAsync_PutNewResource_CreatesTableWithColumnsAndConstraints()
    {
        var customer = UniqueNames.Resource("Customer");
        var invoice = UniqueNames.Resource("Invoice");
        Assert.Equal(ChangeStatus.Applied, (await PutAsync(Resource(customer, Field("name", FieldTypes.String)))).Status);

        var result = await PutAsync(Resource(
            invoice,
            Field("number", FieldTypes.String) with { Required = true, Unique = true, MaxLength = 32, Pattern = @"^[A-Z]\d+$" },
            Field("total", FieldTypes.Decimal) with { Required = true, Min = 0, Precision = 12, Scale = 2, Default = Json("\"0.00\"") },
            Field("status", FieldTypes.Enum) with { Values = ["DRAFT", "SENT"], Default = Json("\"DRAFT\"") },
            Field("lines", FieldTypes.Int) with { Default = Json("1") },
            Field("big", FieldTypes.Long),
            Field("ratio", FieldTypes.Float),
            Field("paid", FieldTypes.Boolean) with { Default = Json("false") },
            Field("issuedOn", FieldTypes.Date) with { Default = Json("\"2024-01-31\"") },
            Field("sentAt", FieldTypes.DateTime),
            Field("meta", FieldTypes.Json) with { Default = Json("{\"note\": \"it's\"}") },
            ToOne("customer", customer, "CASCADE") with { Required = true }));

        Assert.Equal(ChangeStatus.Applied, result.Status);
        var table = TableOf(invoice);
        var columns = await ColumnsAsync(table);
        Assert.Equal(("uuid", false, null), columns["id"]);
        Assert.Equal(("timestamp with time zone", false, "now()"), columns["created_at"]);
        Assert.Equal(("text", false, null), columns["number"]);
        Assert.Equal(("numeric(12,2)", false, "0.00"), columns["total"]);
        Assert.Equal(("text", true, "'DRAFT'::text"), columns["status"]);
        Assert.Equal(("integer", true, "1"), columns["lines"]);
        Assert.Equal("bigint", columns["big"].Type);
        Assert.Equal("double precision", columns["ratio"].Type);
        Assert.Equal(("boolean", true, "false"), columns["paid"]);
        Assert.Equal(("date", true, "'2024-01-31'::date"), columns["issued_on"]);
        Assert.Equal("timestamp with time zone", columns["sent_at"].Type);
        Assert.Equal(("jsonb", true, "'{\"note\": \"it''s\"}'::jsonb"), columns["meta"]);
        Assert.Equal(("uuid", false, null), columns["customer_id"]);

        var constraints = await ConstraintsAsync(table);
        Assert.Equal("p", constraints[$"{table}_pkey"]);
        Assert.Equal("u", constraints[$"{table}_number_key"]);
        Assert.Equal("c", constraints[$"{table}_number_check"]);
        Assert.Equal("c", constraints[$"{table}_total_check"]);
        Assert.Equal("c", constraints[$"{table}_status_check"]);
        Assert.Equal("f", constraints[$"{table}_customer_id_fkey"]);
        Assert.True(await IndexExistsAsync($"{table}_customer_id_idx"));
    }

    [Fact]
    public async Task ApplyAsync_PutNewResource_ChecksRejectBadValuesInTheDatabase()
    {
        var name = UniqueNames.Resource("Code");
        await PutAsync(Resource(name, Field("code", FieldTypes.String) with { Pattern = @"^\d{3}$" }, Field("kind", FieldTypes.Enum) with { Values = ["A", "B"] }));
        var table = TableOf(name);

        await Database.ScalarAsync($"INSERT INTO data.\"{table}\" (id, code, kind) VALUES (gen_random_uuid(), '123', 'A')");
        var badPattern = await Assert.ThrowsAsync<PostgresException>(() => Database.ScalarAsync($"INSERT INTO data.\"{table}\" (id, code) VALUES (gen_random_uuid(), '12a')"));
        var badEnum = await Assert.ThrowsAsync<PostgresException>(() => Database.ScalarAsync($"INSERT INTO data.\"{table}\" (id, kind) VALUES (gen_random_uuid(), 'C')"));

        Assert.Equal($"{table}_code_check", badPattern.ConstraintName);
        Assert.Equal($"{table}_kind_check", badEnum.ConstraintName);
    }

    [Fact]
    public async Task ApplyAsync_PutManyToMany_CreatesJoinTable()
    {
        var tag = UniqueNames.Resource("Tag");
        var post = UniqueNames.Resource("Post");
        await PutAsync(Resource(tag, Field("label", FieldTypes.String)));

        var result = await PutAsync(Resource(post, ToMany("tags", tag)));

        Assert.Equal(ChangeStatus.Applied, result.Status);
        var joinTable = $"{TableOf(post)}_tags";
        Assert.True(await TableExistsAsync(joinTable));
        var constraints = await ConstraintsAsync(joinTable);
        Assert.Equal("p", constraints[$"{joinTable}_pkey"]);
        Assert.Equal(2, constraints.Values.Count(t => t == "f"));
    }

    [Fact]
    public async Task ApplyAsync_Put_RecordsAuthorAndSummaryInHistory()
    {
        var name = UniqueNames.Resource("Ticket");
        await PutAsync(Resource(name, Field("title", FieldTypes.String)));

        var result = await Store.ApplyAsync(
            new PutResource(Resource(name, Field("title", FieldTypes.String) with { Required = true }, Field("total", FieldTypes.Int), Field("status", FieldTypes.String)))
            {
                Author = "ada",
            },
            CancellationToken.None);

        var latest = (await Store.HistoryAsync(2, CancellationToken.None)).ToArray();
        Assert.Equal(result.Version, latest[0].Version);
        Assert.Equal("ada", latest[0].Author);
        Assert.Equal($"put {name}: added fields total, status; changed fields title", latest[0].Summary);
        Assert.Equal($"put {name}: created", latest[1].Summary);
        Assert.Equal(Author, latest[1].Author);
        Assert.True(latest[0].CreatedAt >= latest[1].CreatedAt);
    }

    [Fact]
    public async Task ApplyAsync_SamePutTwice_MakesNoSecondVersion()
    {
        var definition = Resource(UniqueNames.Resource("Same"), Field("title", FieldTypes.String));
        var first = await PutAsync(definition);

        var second = await PutAsync(definition);

        Assert.Equal(ChangeStatus.Applied, second.Status);
        Assert.False(second.Changed);
        Assert.Equal(first.Version, second.Version);
        Assert.True(second.Plan.IsEmpty);
    }

    [Fact]
    public async Task ApplyAsync_IfMatchMismatch_ReturnsPreconditionFailedWithCurrentVersion()
    {
        var created = await PutAsync(Resource(UniqueNames.Resource("Guarded"), Field("title", FieldTypes.String)));

        var result = await Store.ApplyAsync(
            new PutResource(Resource(UniqueNames.Resource("Guarded"))) { Author = Author, IfMatch = created.Version - 1 },
            CancellationToken.None);

        Assert.Equal(ChangeStatus.PreconditionFailed, result.Status);
        Assert.Equal(created.Version, result.Version);
        Assert.Equal(created.Version, await Store.CurrentVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_IfMatchCurrent_Applies()
    {
        var current = await Store.CurrentVersionAsync(CancellationToken.None);

        var result = await Store.ApplyAsync(
            new PutResource(Resource(UniqueNames.Resource("Matched"))) { Author = Author, IfMatch = current }, CancellationToken.None);

        Assert.Equal(ChangeStatus.Applied, result.Status);
    }

    [Fact]
    public async Task ApplyAsync_WideningTypeChangeWithRows_KeepsValues()
    {
        var name = UniqueNames.Resource("Counter");
        await PutAsync(Resource(name, Field("count", FieldTypes.Int)));
        var table = TableOf(name);
        await Database.ScalarAsync($"INSERT INTO data.\"{table}\" (id, count) VALUES (gen_random_uuid(), 42)");

        var result = await PutAsync(Resource(name, Field("count", FieldTypes.Long)));

        Assert.Equal(ChangeStatus.Applied, result.Status);
        Assert.Equal("bigint", (await ColumnsAsync(table))["count"].Type);
        Assert.Equal(42L, await Database.ScalarAsync($"SELECT count FROM data.\"{table}\""));
    }

    [Fact]
    public async Task ApplyAsync_PutDestructiveNotAllowed_RefusesAndLeavesDatabaseUnchanged()
    {
        var name = UniqueNames.Resource("Shrink");
        await PutAsync(Resource(name, Field("title", FieldTypes.String), Field("body", FieldTypes.String)));
        var version = await Store.CurrentVersionAsync(CancellationToken.None);

        var refused = await PutAsync(Resource(name, Field("title", FieldTypes.String)));

        Assert.Equal(ChangeStatus.DestructiveRefused, refused.Status);
        Assert.Contains(refused.Plan.Steps, s => s.Kind == "dropColumn" && s.Column == "body" && s.Destructive);
        Assert.Equal(version, await Store.CurrentVersionAsync(CancellationToken.None));
        Assert.True((await ColumnsAsync(TableOf(name))).ContainsKey("body"));

        var allowed = await PutAsync(Resource(name, Field("title", FieldTypes.String)), allowDestructive: true);

        Assert.Equal(ChangeStatus.Applied, allowed.Status);
        Assert.False((await ColumnsAsync(TableOf(name))).ContainsKey("body"));
    }

    [Fact]
    public async Task ApplyAsync_FieldNumbers_ArePreservedAndNeverReused()
    {
        var name = UniqueNames.Resource("Numbered");
        await PutAsync(Resource(name, Field("a", FieldTypes.String), Field("b", FieldTypes.String)));
        await PutAsync(Resource(name, Field("c", FieldTypes.Int), Field("a", FieldTypes.String)), allowDestructive: true);

        var result = await PutAsync(Resource(name, Field("a", FieldTypes.String), Field("b", FieldTypes.String)), allowDestructive: true);

        var stored = (await Store.LoadAsync(CancellationToken.None)).Resource(name)!;
        Assert.Equal([4, 7], stored.Definition.Fields.Select(f => f.Number!.Value));
        Assert.Equal([new FieldNumber(5, "b"), new FieldNumber(6, "c")], stored.ReservedNumbers);
        Assert.Equal(result.Version, stored.ChangedInVersion);
        Assert.Equal(stored.ReservedNumbers, result.Metadata!.Resource(name)!.ReservedNumbers);
    }

    [Fact]
    public async Task ApplyAsync_FieldNumbers_SurviveDeletingAndRecreatingTheResource()
    {
        var name = UniqueNames.Resource("Reborn");
        await PutAsync(Resource(name, Field("a", FieldTypes.String), Field("b", FieldTypes.String)));
        await Store.ApplyAsync(new DeleteResource(name) { Author = Author }, CancellationToken.None);

        await PutAsync(Resource(name, Field("a", FieldTypes.String)));

        var stored = (await Store.LoadAsync(CancellationToken.None)).Resource(name)!;
        Assert.Equal(6, stored.Definition.Fields[0].Number);
    }

    [Fact]
    public async Task ApplyAsync_ObviouslyInvalidDefinition_ReturnsValidationErrors()
    {
        // Depends on MetadataValidator (owned by another part) rejecting a resource name that is not PascalCase, the
        // most basic rule of SPEC §1; it asserts only that errors come back, not what they say.
        var version = await Store.CurrentVersionAsync(CancellationToken.None);

        var result = await PutAsync(Resource("not a valid name!", Field("title", FieldTypes.String)));

        Assert.Equal(ChangeStatus.ValidationFailed, result.Status);
        Assert.NotEmpty(result.Errors);
        Assert.Equal(version, await Store.CurrentVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_KnownMetadataIsCurrent_ResultCarriesTheNextMetadata()
    {
        var known = await Store.LoadAsync(CancellationToken.None);
        var name = UniqueNames.Resource("Cached");

        var result = await Store.ApplyAsync(new PutResource(Resource(name, Field("title", FieldTypes.String))) { Author = Author }, known, CancellationToken.None);

        Assert.Equal(known.Version + 1, result.Metadata!.Version);
        Assert.Equal(known.Resources.Count + 1, result.Metadata.Resources.Count);
        Assert.Equal(name, result.Metadata.Resources[^1].Name);
        var reloaded = await Store.LoadAsync(CancellationToken.None);
        Assert.Equal(reloaded.Resources.Select(r => r.Name), result.Metadata.Resources.Select(r => r.Name));
    }

    [Fact]
    public async Task ApplyAsync_ManyColumnChangesOnATableWithRows_AllApply()
    {
        var owner = UniqueNames.Resource("Keeper");
        var name = UniqueNames.Resource("Ledger");
        await PutAsync(Resource(owner, Field("name", FieldTypes.String)));
        await PutAsync(Resource(
            name,
            Field("count", FieldTypes.Int) with { Min = 0, Default = Json("0") },
            Field("code", FieldTypes.String) with { Required = true, Default = Json("\"x\"") },
            Field("state", FieldTypes.Enum) with { Values = ["A", "B"] },
            Field("day", FieldTypes.Date),
            ToOne("keeper", owner)));
        var table = TableOf(name);
        await Database.ScalarAsync($"INSERT INTO data.\"{table}\" (id, count, code, state, day) VALUES (gen_random_uuid(), 7, 'c1', 'A', '2024-02-01')");

        var result = await PutAsync(Resource(
            name,
            Field("count", FieldTypes.Decimal) with { Min = 0, Default = Json("1.5") },
            Field("code", FieldTypes.String) with { Unique = true, MaxLength = 10 },
            Field("state", FieldTypes.Enum) with { Values = ["A", "B", "C"], Default = Json("\"C\"") },
            Field("day", FieldTypes.DateTime),
            ToOne("keeper", owner, "SET_NULL")) with { Indexes = [new IndexDefinition { Fields = ["state", "day"] }] },
            allowDestructive: true);

        Assert.True(result.Status == ChangeStatus.Applied, result.Message);
        var destructive = Assert.Single(result.Plan.DestructiveSteps);
        Assert.Equal(("addCheck", "code"), (destructive.Kind, destructive.Column));
        var columns = await ColumnsAsync(table);
        Assert.Equal(("numeric", true, "1.5"), columns["count"]);
        Assert.Equal(("text", true, null), columns["code"]);
        Assert.Equal(("text", true, "'C'::text"), columns["state"]);
        Assert.Equal("timestamp with time zone", columns["day"].Type);
        Assert.True(await IndexExistsAsync($"{table}_state_day_idx"));
        Assert.Equal(7m, await Database.ScalarAsync($"SELECT count FROM data.\"{table}\""));
    }
}
