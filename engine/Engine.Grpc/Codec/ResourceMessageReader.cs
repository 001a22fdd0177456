using Engine.Metadata.Model;

namespace Engine.Grpc.Codec;

/// <summary>
/// Reads the request messages of one resource's service (SPEC §4) into the engine's inputs: the resource message
/// into <see cref="Engine.Query.Plans.WriteData"/>, masks into fields. Compiled once per resource; malformed bytes
/// become <see cref="FieldViolation"/>s (INVALID_ARGUMENT), never an exception, a hang or an allocation larger than
/// the input. Unknown fields are skipped.
/// </summary>
public sealed partial class ResourceMessageReader
{
    private readonly MessageLayout layout;

    private ResourceMessageReader(MessageLayout layout) => this.layout = layout;

    /// <summary>The resource this reader decodes.</summary>
    public ResourceModel Resource => layout.Resource;

    /// <summary>Compiles the reader of <paramref name="resource"/>; <paramref name="schema"/> resolves relation targets.</summary>
    public static ResourceMessageReader Compile(ResourceModel resource, SchemaModel schema)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(schema);
        return new ResourceMessageReader(new MessageLayout(resource, schema));
    }

    /// <summary><c>Get&lt;R&gt;Request { string id = 1; FieldMask read_mask = 2; }</c>.</summary>
    public CodecResult<GetRequestInput> ReadGetRequest(ReadOnlySpan<byte> bytes)
    {
        var violations = new List<FieldViolation>();
        var request = new RequestFields(bytes, 2);
        request.Read([WireType.LengthDelimited, WireType.LengthDelimited], ["id", "read_mask"], repeated: 2, violations);
        var id = RequiredId(request.Bytes(1), "id", violations);
        var mask = ReadMask(request, "read_mask", violations);
        return violations.Count > 0
            ? CodecResult<GetRequestInput>.Failure(violations)
            : CodecResult<GetRequestInput>.Success(new GetRequestInput(id, mask));
    }

    /// <summary><c>List&lt;Rs&gt;Request { int32 page_size = 1; string page_token = 2; string filter = 3; string order_by = 4; FieldMask read_mask = 5; }</c>.</summary>
    public CodecResult<ListRequestInput> ReadListRequest(ReadOnlySpan<byte> bytes)
    {
        var violations = new List<FieldViolation>();
        var request = new RequestFields(bytes, 5);
        request.Read(
            [WireType.Varint, WireType.LengthDelimited, WireType.LengthDelimited, WireType.LengthDelimited, WireType.LengthDelimited],
            ["page_size", "page_token", "filter", "order_by", "read_mask"],
            repeated: 5,
            violations);
        var pageSize = (int)request.Scalar(1);
        if (pageSize < 0)
        {
            violations.Add(new FieldViolation("page_size", "must not be negative."));
        }

        var token = Text(request.Bytes(2), "page_token", violations);
        var filter = Text(request.Bytes(3), "filter", violations);
        var orderBy = Text(request.Bytes(4), "order_by", violations);
        var mask = ReadMask(request, "read_mask", violations);
        return violations.Count > 0
            ? CodecResult<ListRequestInput>.Failure(violations)
            : CodecResult<ListRequestInput>.Success(new ListRequestInput(pageSize, token, filter, orderBy, mask));
    }

    /// <summary>
    /// <c>Create&lt;R&gt;Request { &lt;R&gt; &lt;r&gt; = 1; }</c>: the message's fields become the insert; its <c>id</c>, if
    /// given, must be a UUID; <c>create_time</c> and <c>update_time</c> are output only and ignored.
    /// </summary>
    public CodecResult<CreateRequestInput> ReadCreateRequest(ReadOnlySpan<byte> bytes)
    {
        var violations = new List<FieldViolation>();
        var message = ReadResourceField(bytes, violations);
        if (violations.Count > 0)
        {
            return CodecResult<CreateRequestInput>.Failure(violations);
        }

        var data = CreateData(message, violations);
        var id = message.Values[layout.IdField.Index] as Guid?;
        return violations.Count > 0
            ? CodecResult<CreateRequestInput>.Failure(violations)
            : CodecResult<CreateRequestInput>.Success(new CreateRequestInput(id, data));
    }

    /// <summary>
    /// <c>Update&lt;R&gt;Request { &lt;R&gt; &lt;r&gt; = 1; FieldMask update_mask = 2; }</c>: the message's <c>id</c> names
    /// the record; the mask (field names of the message, or <c>*</c>) says which fields to write.
    /// </summary>
    public CodecResult<UpdateRequestInput> ReadUpdateRequest(ReadOnlySpan<byte> bytes)
    {
        var violations = new List<FieldViolation>();
        var message = new DecodedMessage(layout.Fields.Length);
        var paths = new List<string>();
        var present = false;
        var reader = new WireReader(bytes);
        while (!reader.AtEnd && violations.Count == 0)
        {
            if (!reader.TryReadTag(out var number, out var wireType))
            {
                violations.Add(new FieldViolation(string.Empty, "is not a valid protobuf message (bad or truncated tag)."));
            }
            else if (number is 1 or 2 && wireType != WireType.LengthDelimited)
            {
                violations.Add(new FieldViolation(number == 1 ? layout.MessagePath : "update_mask", $"has wire type {wireType}; a message needs wire type 2."));
            }
            else if (number is 1 or 2)
            {
                if (!reader.TryReadLengthDelimited(out var payload))
                {
                    violations.Add(new FieldViolation(number == 1 ? layout.MessagePath : "update_mask", "is truncated."));
                }
                else if (number == 1)
                {
                    present = true;
                    DecodeInto(message, payload, violations);
                }
                else
                {
                    FieldMasks.ReadPaths(payload, "update_mask", paths, violations);
                }
            }
            else if (!reader.TrySkip(number, wireType))
            {
                violations.Add(new FieldViolation(string.Empty, $"is not a valid protobuf message (malformed unknown field {number})."));
            }
        }

        if (violations.Count > 0)
        {
            return CodecResult<UpdateRequestInput>.Failure(violations);
        }

        if (!present)
        {
            violations.Add(new FieldViolation(layout.MessagePath, "is required."));
            return CodecResult<UpdateRequestInput>.Failure(violations);
        }

        if (message.Values[layout.IdField.Index] is not Guid id)
        {
            violations.Add(new FieldViolation(layout.MessagePath + ".id", "is required: it names the record to update."));
            return CodecResult<UpdateRequestInput>.Failure(violations);
        }

        var mask = UpdateMask(paths, violations);
        var data = UpdateData(message, mask, violations);
        return violations.Count > 0
            ? CodecResult<UpdateRequestInput>.Failure(violations)
            : CodecResult<UpdateRequestInput>.Success(new UpdateRequestInput(id, data));
    }

    /// <summary><c>Delete&lt;R&gt;Request { string id = 1; }</c>.</summary>
    public CodecResult<DeleteRequestInput> ReadDeleteRequest(ReadOnlySpan<byte> bytes)
    {
        var violations = new List<FieldViolation>();
        var request = new RequestFields(bytes, 1);
        request.Read([WireType.LengthDelimited], ["id"], repeated: 0, violations);
        var id = RequiredId(request.Bytes(1), "id", violations);
        return violations.Count > 0
            ? CodecResult<DeleteRequestInput>.Failure(violations)
            : CodecResult<DeleteRequestInput>.Success(new DeleteRequestInput(id));
    }

    /// <summary>The resource message of a create request (field 1), merged over every occurrence.</summary>
    private DecodedMessage ReadResourceField(ReadOnlySpan<byte> bytes, List<FieldViolation> violations)
    {
        var message = new DecodedMessage(layout.Fields.Length);
        var present = false;
        var reader = new WireReader(bytes);
        while (!reader.AtEnd && violations.Count == 0)
        {
            if (!reader.TryReadTag(out var number, out var wireType))
            {
                violations.Add(new FieldViolation(string.Empty, "is not a valid protobuf message (bad or truncated tag)."));
            }
            else if (number != 1)
            {
                if (!reader.TrySkip(number, wireType))
                {
                    violations.Add(new FieldViolation(string.Empty, $"is not a valid protobuf message (malformed unknown field {number})."));
                }
            }
            else if (wireType != WireType.LengthDelimited)
            {
                violations.Add(new FieldViolation(layout.MessagePath, $"has wire type {wireType}; a message needs wire type 2."));
            }
            else if (!reader.TryReadLengthDelimited(out var payload))
            {
                violations.Add(new FieldViolation(layout.MessagePath, "is truncated."));
            }
            else
            {
                present = true;
                DecodeInto(message, payload, violations);
            }
        }

        if (!present && violations.Count == 0)
        {
            violations.Add(new FieldViolation(layout.MessagePath, "is required."));
        }

        return message;
    }

    private static Guid RequiredId(ReadOnlySpan<byte> bytes, string path, List<FieldViolation> violations)
    {
        if (bytes.IsEmpty)
        {
            violations.Add(new FieldViolation(path, "is required."));
            return Guid.Empty;
        }

        if (!WireValues.TryUuid(bytes, out var id))
        {
            violations.Add(new FieldViolation(path, "is not a UUID."));
        }

        return id;
    }

    private static string Text(ReadOnlySpan<byte> bytes, string path, List<FieldViolation> violations)
    {
        if (WireValues.TryString(bytes, out var text))
        {
            return text;
        }

        violations.Add(new FieldViolation(path, "is not valid UTF-8."));
        return string.Empty;
    }
}
