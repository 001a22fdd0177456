using System.Text;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.Grpc.Codec;

/// <summary>One field of a resource message with everything its encoding needs, resolved once per <see cref="ResourceModel"/>.</summary>
internal sealed class MessageField
{
    public MessageField(int index, FieldModel model, ResourceModel? target)
    {
        Index = index;
        Model = model;
        Target = target;
        Number = model.Number;
        ProtoName = ProtoNames.Field(model) ?? throw new ArgumentException($"The field '{model.Name}' has no message field.", nameof(model));
        Codec = CodecOf(model);
        WireType = WireTypeOf(Codec);
        JsonKey = Encoding.UTF8.GetBytes(model.Name);
        EnumNames = model.EnumValues.Select(Encoding.UTF8.GetBytes).ToArray();
        EnumNumbers = model.EnumNumbers.ToArray();
        // proto3 `optional` is used for non-required scalars; messages (Timestamp, Struct) always track presence.
        HasPresence = !model.Required || Codec is FieldCodec.DateTime or FieldCodec.Json or FieldCodec.OutputTimestamp;
    }

    /// <summary>The position in <see cref="MessageLayout.Fields"/>, where decoded values are kept.</summary>
    public int Index { get; }

    public FieldModel Model { get; }

    /// <summary>The relation's target, for to-one and to-many fields.</summary>
    public ResourceModel? Target { get; }

    public int Number { get; }

    /// <summary>The snake_case message field name (<c>customer_id</c>), used in masks and violation paths.</summary>
    public string ProtoName { get; }

    public FieldCodec Codec { get; }

    /// <summary>The wire type a well-formed message uses for this field.</summary>
    public int WireType { get; }

    /// <summary>The key of this field in the record JSON the writer reads: the GraphQL field name, UTF-8.</summary>
    public byte[] JsonKey { get; }

    /// <summary>Enum value names (UTF-8) in declared order; value <c>i</c> has number <c>EnumNumbers[i]</c>.</summary>
    public byte[][] EnumNames { get; }

    /// <summary>The stored protobuf number of each of <see cref="EnumNames"/>, same order.</summary>
    public int[] EnumNumbers { get; }

    /// <summary>True when absence is distinguishable from the default value on the wire.</summary>
    public bool HasPresence { get; }

    /// <summary>False for <c>id</c>, <c>create_time</c>, <c>update_time</c>: clients cannot write them through the message body.</summary>
    public bool IsWritable => !Model.IsSystem;

    private static FieldCodec CodecOf(FieldModel model) => model.Kind switch
    {
        FieldKind.ToOne => FieldCodec.ToOne,
        FieldKind.ToMany => FieldCodec.ToMany,
        _ when model.IsSystem => model.Scalar == ScalarKind.Id ? FieldCodec.Id : FieldCodec.OutputTimestamp,
        _ => model.Scalar switch
        {
            ScalarKind.String => FieldCodec.String,
            ScalarKind.Int => FieldCodec.Int,
            ScalarKind.Long => FieldCodec.Long,
            ScalarKind.Float => FieldCodec.Float,
            ScalarKind.Decimal => FieldCodec.Decimal,
            ScalarKind.Boolean => FieldCodec.Boolean,
            ScalarKind.DateTime => FieldCodec.DateTime,
            ScalarKind.Date => FieldCodec.Date,
            ScalarKind.Json => FieldCodec.Json,
            ScalarKind.Enum => FieldCodec.Enum,
            _ => throw new ArgumentException($"The field '{model.Name}' has no protobuf encoding.", nameof(model)),
        },
    };

    private static int WireTypeOf(FieldCodec codec) => codec switch
    {
        FieldCodec.Int or FieldCodec.Long or FieldCodec.Boolean or FieldCodec.Enum => global::Engine.Grpc.Codec.WireType.Varint,
        FieldCodec.Float => global::Engine.Grpc.Codec.WireType.Fixed64,
        _ => global::Engine.Grpc.Codec.WireType.LengthDelimited,
    };

    /// <inheritdoc/>
    public override string ToString() => ProtoName + " = " + Number;
}
