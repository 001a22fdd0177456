using Engine.Grpc.Codec;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Google.Protobuf;
using static Engine.Grpc.Tests.Codec.CodecFixture;

namespace Engine.Grpc.Tests.Codec;

/// <summary>
/// Enum values travel under the numbers the store gave them, not their declared positions: here REVIEW was inserted
/// before SENT after PAID was removed, as the store would record it (DRAFT 1, SENT 2, PAID 3, REVIEW 4).
/// </summary>
public class EnumNumberTests
{
    private const int StatusField = 4;

    private static readonly SchemaModel Schema = BuildSchema();
    private static readonly ResourceModel Ticket = Schema.Resource("Ticket")!;
    private static readonly ResourceMessageReader TicketReader = ResourceMessageReader.Compile(Ticket, Schema);
    private static readonly ResourceMessageWriter TicketWriter = ResourceMessageWriter.Compile(Ticket, Schema);

    [Theory]
    [InlineData("DRAFT", 1)]
    [InlineData("REVIEW", 4)]
    [InlineData("SENT", 2)]
    public void WriteMessage_StoredEnumNumbers_WritesTheValuesOwnNumber(string value, int number)
    {
        var json = $$"""{"id": "{{Id}}", "createdAt": "2024-05-01T12:30:00Z", "updatedAt": "2024-05-01T12:30:00Z", "status": "{{value}}"}""";

        Assert.Equal(number, StatusOf(TicketWriter.WriteMessage(Utf8(json))));
    }

    [Theory]
    [InlineData(1, "DRAFT")]
    [InlineData(4, "REVIEW")]
    [InlineData(2, "SENT")]
    public void ReadCreate_StoredEnumNumbers_ReadsTheNumbersOwnValue(int number, string value)
    {
        var result = TicketReader.ReadCreateRequest(Wrap(1, Encode(o => { o.WriteTag(StatusField, WireFormat.WireType.Varint); o.WriteEnum(number); })));

        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        Assert.Equal(value, Value(result.Value!.Data, "status"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void ReadCreate_RemovedOrUnknownEnumNumber_IsViolation(int number)
    {
        var result = TicketReader.ReadCreateRequest(Wrap(1, Encode(o => { o.WriteTag(StatusField, WireFormat.WireType.Varint); o.WriteEnum(number); })));

        Assert.Equal("ticket.status", Assert.Single(result.Violations).Field);
    }

    private static int StatusOf(byte[] message)
    {
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == StatusField)
            {
                return input.ReadEnum();
            }

            input.SkipLastField();
        }

        throw new InvalidOperationException("the message has no status");
    }

    private static SchemaModel BuildSchema()
    {
        var definition = new ResourceDefinition
        {
            Name = "Ticket",
            Fields = [new FieldDefinition { Name = "status", Type = FieldTypes.Enum, Values = ["DRAFT", "REVIEW", "SENT"], Number = StatusField }],
        };
        var numbers = new Dictionary<string, IReadOnlyList<EnumValueNumber>>
        {
            ["status"] = [new(1, "DRAFT"), new(2, "SENT"), new(3, "PAID"), new(4, "REVIEW")],
        };
        var ticket = SchemaModelBuilder.BuildResource(definition, new Dictionary<string, ResourceDefinition> { ["Ticket"] = definition }, null, numbers);
        return new SchemaModel(1, SchemaModelBuilder.DefaultDataSchema, [ticket]);
    }
}
