namespace Engine.Grpc.Codec;

public sealed partial class ResourceMessageReader
{
    /// <summary>
    /// Decodes one resource message into <paramref name="message"/> (so a message split over several occurrences
    /// merges as protobuf does: scalars last wins, repeated fields append). Stops at the first structural error.
    /// </summary>
    private void DecodeInto(DecodedMessage message, ReadOnlySpan<byte> payload, List<FieldViolation> violations)
    {
        var reader = new WireReader(payload);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var number, out var wireType))
            {
                violations.Add(new FieldViolation(layout.MessagePath, "is not a valid protobuf message (bad or truncated tag)."));
                return;
            }

            var field = layout.FieldAt(number);
            if (field is null)
            {
                if (!reader.TrySkip(number, wireType))
                {
                    violations.Add(new FieldViolation(layout.MessagePath, $"is not a valid protobuf message (malformed unknown field {number})."));
                    return;
                }

                continue;
            }

            if (wireType != field.WireType)
            {
                violations.Add(new FieldViolation(PathOf(field), $"has wire type {wireType}; its type needs wire type {field.WireType}."));
                if (!reader.TrySkip(number, wireType))
                {
                    return;
                }

                continue;
            }

            if (!DecodeField(ref reader, field, message, violations))
            {
                violations.Add(new FieldViolation(PathOf(field), "is truncated."));
                return;
            }
        }
    }

    /// <summary>Reads one value of <paramref name="field"/>; false only when the bytes end early (a value error is a violation).</summary>
    private bool DecodeField(ref WireReader reader, MessageField field, DecodedMessage message, List<FieldViolation> violations)
    {
        ulong scalar = 0;
        ReadOnlySpan<byte> bytes = default;
        var read = field.WireType switch
        {
            WireType.Varint => reader.TryReadVarint(out scalar),
            WireType.Fixed64 => reader.TryReadFixed64(out scalar),
            _ => reader.TryReadLengthDelimited(out bytes),
        };
        if (!read)
        {
            return false;
        }

        string? error = null;
        object? value = null;
        switch (field.Codec)
        {
            case FieldCodec.Int:
                value = (int)scalar;
                break;
            case FieldCodec.Long:
                value = (long)scalar;
                break;
            case FieldCodec.Float:
                value = BitConverter.Int64BitsToDouble((long)scalar);
                break;
            case FieldCodec.Boolean:
                value = scalar != 0;
                break;
            case FieldCodec.Enum:
                // Number 0 is <FIELD>_UNSPECIFIED: "no value". A removed value's number is reserved, never another's.
                var index = scalar is > 0 and <= int.MaxValue ? Array.IndexOf(field.EnumNumbers, (int)scalar) : -1;
                if (index >= 0)
                {
                    value = field.Model.EnumValues[index];
                }
                else if (scalar != 0)
                {
                    error = $"has no enum value numbered {(long)scalar}.";
                }

                break;
            case FieldCodec.String:
                error = WireValues.TryString(bytes, out var text) ? null : "is not valid UTF-8.";
                value = text;
                break;
            case FieldCodec.Decimal:
                error = WireValues.TryDecimal(bytes, out var number) ? null : "is not a decimal number.";
                value = number;
                break;
            case FieldCodec.Date:
                error = WireValues.TryDate(bytes, out var date) ? null : "is not a date (YYYY-MM-DD).";
                value = date;
                break;
            case FieldCodec.DateTime or FieldCodec.OutputTimestamp:
                error = WireValues.TryTimestamp(bytes, out var time);
                value = time;
                break;
            case FieldCodec.Json:
                error = WireValues.TryJson(bytes, out var json);
                value = json;
                break;
            case FieldCodec.Id or FieldCodec.ToOne:
                // Empty is proto3's default for a string: no id (a relation cleared).
                if (!bytes.IsEmpty)
                {
                    error = WireValues.TryUuid(bytes, out var id) ? null : "is not a UUID.";
                    value = id;
                }

                break;
            case FieldCodec.ToMany:
                if (WireValues.TryUuid(bytes, out var item))
                {
                    var items = message.Values[field.Index] as List<Guid> ?? [];
                    items.Add(item);
                    message.Values[field.Index] = items;
                    message.Present[field.Index] = true;
                }
                else
                {
                    violations.Add(new FieldViolation(PathOf(field), "holds an id that is not a UUID."));
                }

                return true;
        }

        if (error is not null)
        {
            violations.Add(new FieldViolation(PathOf(field), error));
            return true;
        }

        message.Values[field.Index] = value;
        message.Present[field.Index] = true;
        return true;
    }

    private string PathOf(MessageField field) => layout.MessagePath + "." + field.ProtoName;
}
