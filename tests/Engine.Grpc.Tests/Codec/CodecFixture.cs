using System.Text.Json;
using Engine.Grpc.Codec;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Google.Protobuf;

namespace Engine.Grpc.Tests.Codec;

/// <summary>A schema with one field of every type, its compiled codec, and a protobuf encoder for requests.</summary>
internal static class CodecFixture
{
    public static readonly SchemaModel Schema = SchemaModelBuilder.Build(1,
    [
        new ResourceDefinition
        {
            Name = "Item",
            Fields =
            [
                new FieldDefinition { Name = "title", Type = "String", Required = true },
                new FieldDefinition { Name = "count", Type = "Int" },
                new FieldDefinition { Name = "big", Type = "Long" },
                new FieldDefinition { Name = "ratio", Type = "Float" },
                new FieldDefinition { Name = "price", Type = "Decimal" },
                new FieldDefinition { Name = "active", Type = "Boolean" },
                new FieldDefinition { Name = "seenAt", Type = "DateTime" },
                new FieldDefinition { Name = "day", Type = "Date" },
                new FieldDefinition { Name = "data", Type = "Json" },
                new FieldDefinition { Name = "status", Type = "Enum", Values = ["DRAFT", "SENT"] },
                new FieldDefinition { Name = "owner", Type = "Relation", Target = "Owner", Cardinality = "one" },
                new FieldDefinition { Name = "tags", Type = "Relation", Target = "Tag", Cardinality = "many" },
                new FieldDefinition { Name = "kind", Type = "Enum", Values = ["A", "B"], Required = true },
            ],
        },
        new ResourceDefinition
        {
            Name = "Owner",
            Fields =
            [
                new FieldDefinition { Name = "name", Type = "String" },
                new FieldDefinition { Name = "items", Type = "Relation", Target = "Item", Cardinality = "many", Inverse = "owner" },
            ],
        },
        new ResourceDefinition { Name = "Tag", Fields = [new FieldDefinition { Name = "label", Type = "String" }] },
    ]);

    public static readonly ResourceModel Item = Schema.Resource("Item")!;
    public static readonly ResourceModel Owner = Schema.Resource("Owner")!;
    public static readonly ResourceMessageReader Reader = ResourceMessageReader.Compile(Item, Schema);
    public static readonly ResourceMessageWriter Writer = ResourceMessageWriter.Compile(Item, Schema);

    public const string Id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    public const string OwnerId = "0190a1b2-c3d4-7e5f-8a9b-000000000001";
    public const string TagId1 = "0190a1b2-c3d4-7e5f-8a9b-000000000002";
    public const string TagId2 = "0190a1b2-c3d4-7e5f-8a9b-000000000003";

    /// <summary>A record as PostgreSQL renders it for the writer's selection (SPEC §1 JSON forms).</summary>
    public const string FullRecordJson = $$$"""
        {"id": "{{{Id}}}", "createdAt": "2024-05-01T12:30:00.123456Z", "updatedAt": "1969-12-31T23:59:59.500000Z",
         "title": "caf\u00e9 \"quoted\"", "count": -7, "big": "9007199254740993", "ratio": 2.5, "price": "12.50",
         "active": false, "seenAt": "2030-01-02T03:04:05.000001Z", "day": "2024-02-29",
         "data": {"a": [1, "two", true, null, {"b": {}}], "c": -0.5, "d": "x"}, "status": "SENT",
         "owner": "{{{OwnerId}}}", "tags": [{"id": "{{{TagId1}}}"}, {"id": "{{{TagId2}}}"}], "kind": "B"}
        """;

    public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static FieldModel Field(string name) => Item.Field(name)!;

    /// <summary>Wraps bytes as a length-delimited field, using Google.Protobuf's own encoder.</summary>
    public static byte[] Wrap(int number, byte[] payload) => Encode(o =>
    {
        o.WriteTag(number, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(payload));
    });

    public static byte[] Encode(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return stream.ToArray();
    }

    public static byte[] FieldMask(params string[] paths) => Encode(o =>
    {
        foreach (var p in paths)
        {
            o.WriteTag(1, WireFormat.WireType.LengthDelimited);
            o.WriteString(p);
        }
    });

    public static object? Value(Engine.Query.Plans.WriteData data, string field) =>
        data.Values.Single(v => v.Field.Name == field).Value;

    public static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
