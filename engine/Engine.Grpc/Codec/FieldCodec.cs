namespace Engine.Grpc.Codec;

/// <summary>How one message field is encoded, resolved once from its <see cref="Engine.Metadata.Model.FieldModel"/>.</summary>
internal enum FieldCodec
{
    Id,
    OutputTimestamp,
    String,
    Int,
    Long,
    Float,
    Decimal,
    Boolean,
    DateTime,
    Date,
    Json,
    Enum,
    ToOne,
    ToMany,
}
