using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.MetadataStore.Schema;
using Engine.Testing;
using static Engine.MetadataStore.Tests.Definitions;

namespace Engine.MetadataStore.Tests.Store;

/// <summary>Enum value numbers are stored per resource and field, like field numbers: kept, reserved, never reused.</summary>
[Collection(MetadataStoreCollection.Name)]
public class MetadataStoreEnumNumberTests(PostgresDatabase database) : StoreTestBase(database)
{
    [Fact]
    public async Task ApplyAsync_NewEnumField_NumbersValuesInDeclaredOrder()
    {
        var name = UniqueNames.Resource("Invoice");

        var result = await PutAsync(Resource(name, Status("DRAFT", "SENT", "PAID")));

        Assert.Equal("DRAFT=1,SENT=2,PAID=3", await StoredNumbersAsync(name, "status"));
        var stored = (await Store.LoadAsync(CancellationToken.None)).Resource(name)!;
        Assert.Equal([new(1, "DRAFT"), new(2, "SENT"), new EnumValueNumber(3, "PAID")], stored.EnumValueNumbers["status"]);
        Assert.Equal(stored.EnumValueNumbers["status"], result.Metadata!.Resource(name)!.EnumValueNumbers["status"]);
    }

    [Fact]
    public async Task ApplyAsync_ValueInsertedInTheMiddle_KeepsTheOthersNumbers()
    {
        var name = UniqueNames.Resource("Invoice");
        await PutAsync(Resource(name, Status("DRAFT", "SENT", "PAID")));

        await PutAsync(Resource(name, Status("DRAFT", "REVIEW", "SENT", "PAID")));

        Assert.Equal("DRAFT=1,SENT=2,PAID=3,REVIEW=4", await StoredNumbersAsync(name, "status"));
        Assert.Equal([1, 4, 2, 3], (await ModelFieldAsync(name, "status")).EnumNumbers);
    }

    [Fact]
    public async Task ApplyAsync_ValueRemoved_ReservesItsNumberAndNewValuesSkipIt()
    {
        var name = UniqueNames.Resource("Invoice");
        await PutAsync(Resource(name, Status("DRAFT", "SENT", "PAID")));
        await PutAsync(Resource(name, Status("DRAFT", "PAID")), allowDestructive: true);

        await PutAsync(Resource(name, Status("DRAFT", "PAID", "VOID")));

        var status = await ModelFieldAsync(name, "status");
        Assert.Equal([1, 3, 4], status.EnumNumbers);
        Assert.Equal([new EnumValueNumber(2, "SENT")], status.RemovedEnumValues);
    }

    [Fact]
    public async Task ApplyAsync_RemovedValueAddedAgain_GetsItsOldNumber()
    {
        var name = UniqueNames.Resource("Invoice");
        await PutAsync(Resource(name, Status("DRAFT", "SENT", "PAID")));
        await PutAsync(Resource(name, Status("DRAFT", "PAID")), allowDestructive: true);

        await PutAsync(Resource(name, Status("SENT", "DRAFT", "PAID")));

        var status = await ModelFieldAsync(name, "status");
        Assert.Equal([2, 1, 3], status.EnumNumbers);
        Assert.Empty(status.RemovedEnumValues);
        Assert.Equal("DRAFT=1,SENT=2,PAID=3", await StoredNumbersAsync(name, "status"));
    }

    [Fact]
    public async Task ApplyAsync_TwoResourcesAndTwoFields_NumberIndependently()
    {
        var first = UniqueNames.Resource("Order");
        var second = UniqueNames.Resource("Ticket");
        await PutAsync(Resource(first, Status("OPEN", "DONE"), Field("kind", FieldTypes.Enum) with { Values = ["A", "B"] }));

        await PutAsync(Resource(second, Status("NEW", "OPEN")));

        Assert.Equal("OPEN=1,DONE=2", await StoredNumbersAsync(first, "status"));
        Assert.Equal("A=1,B=2", await StoredNumbersAsync(first, "kind"));
        Assert.Equal("NEW=1,OPEN=2", await StoredNumbersAsync(second, "status"));
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentChangesAddingValues_NeverShareANumber()
    {
        var name = UniqueNames.Resource("Race");
        await PutAsync(Resource(name, Status("A", "B")));
        var known = await Store.LoadAsync(CancellationToken.None);

        var results = await Task.WhenAll(
            Store.ApplyAsync(new PutResource(Resource(name, Status("A", "B", "X"))) { Author = Author, AllowDestructive = true }, known, CancellationToken.None),
            new VersionedMetadataStore(Database.DataSource).ApplyAsync(
                new PutResource(Resource(name, Status("A", "B", "Y"))) { Author = Author, AllowDestructive = true }, known, CancellationToken.None));

        Assert.All(results, r => Assert.Equal(ChangeStatus.Applied, r.Status));
        Assert.Contains(await StoredNumbersAsync(name, "status"), new[] { "A=1,B=2,X=3,Y=4", "A=1,B=2,Y=3,X=4" });
    }

    [Fact]
    public async Task ApplyAsync_FieldWithoutStoredNumbers_LoadsAndFirstSaveRecordsDeclaredOrder()
    {
        var name = UniqueNames.Resource("Legacy");
        await PutAsync(Resource(name, Status("DRAFT", "SENT", "PAID")));
        await Database.ScalarAsync("DELETE FROM engine_meta.enum_value_numbers WHERE resource = $1", name);
        Assert.Equal([1, 2, 3], (await ModelFieldAsync(name, "status")).EnumNumbers);

        await PutAsync(Resource(name, Status("DRAFT", "REVIEW", "SENT", "PAID")));

        Assert.Equal("DRAFT=1,SENT=2,PAID=3,REVIEW=4", await StoredNumbersAsync(name, "status"));
    }

    [Fact]
    public async Task EnumValueNumbersMigration_StoredDefinitionsWithoutNumbers_BackfillsDeclaredOrder()
    {
        var name = UniqueNames.Resource("Backfill");
        await PutAsync(Resource(name, Status("DRAFT", "SENT", "PAID")));
        await PutAsync(Resource(name, Status("PAID", "DRAFT", "SENT")));
        await Database.ScalarAsync("DELETE FROM engine_meta.enum_value_numbers WHERE resource = $1", name);
        var script = StoreSchemaMigrator.Scripts().Single(s => s.Name == "0004_enum_value_numbers").Sql;

        // The script's backfill statement, run again over the stored definitions (it skips rows that exist).
        await Database.ScalarAsync(script[script.IndexOf("INSERT INTO", StringComparison.Ordinal)..]);

        Assert.Equal("PAID=1,DRAFT=2,SENT=3", await StoredNumbersAsync(name, "status"));
    }

    private static FieldDefinition Status(params string[] values) => Field("status", FieldTypes.Enum) with { Values = values };

    private async Task<string?> StoredNumbersAsync(string resource, string field) =>
        await Database.ScalarAsync(
            "SELECT string_agg(value || '=' || number, ',' ORDER BY number) FROM engine_meta.enum_value_numbers WHERE resource = $1 AND field = $2",
            resource, field) as string;

    /// <summary>The field as the runtime models it from what the store loads.</summary>
    private async Task<FieldModel> ModelFieldAsync(string resource, string field)
    {
        var stored = (await Store.LoadAsync(CancellationToken.None)).Resource(resource)!;
        var all = new Dictionary<string, ResourceDefinition> { [resource] = stored.Definition };
        return SchemaModelBuilder.BuildResource(stored.Definition, all, null, stored.EnumValueNumbers).Field(field)!;
    }
}
