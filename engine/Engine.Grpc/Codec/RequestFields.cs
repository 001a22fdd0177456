namespace Engine.Grpc.Codec;

/// <summary>
/// The fields of a small request message (numbers 1..n, each of a known wire type): the last value of each, and
/// every occurrence of the one repeated field (a FieldMask, which protobuf merges by appending its paths).
/// </summary>
internal ref struct RequestFields
{
    private readonly ReadOnlySpan<byte> data;
    private readonly Range[] last;
    private readonly ulong[] scalars;
    private List<Range>? repeatedRanges;

    public RequestFields(ReadOnlySpan<byte> data, int count)
    {
        this.data = data;
        last = new Range[count + 1];
        scalars = new ulong[count + 1];
    }

    /// <summary>Reads every field; <paramref name="repeated"/> is the number whose occurrences are all kept (0 for none).</summary>
    public void Read(scoped ReadOnlySpan<int> wireTypes, scoped ReadOnlySpan<string> names, int repeated, List<FieldViolation> violations)
    {
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var number, out var wireType))
            {
                violations.Add(new FieldViolation(string.Empty, "is not a valid protobuf message (bad or truncated tag)."));
                return;
            }

            if (number > wireTypes.Length)
            {
                if (!reader.TrySkip(number, wireType))
                {
                    violations.Add(new FieldViolation(string.Empty, $"is not a valid protobuf message (malformed unknown field {number})."));
                    return;
                }

                continue;
            }

            var name = names[number - 1];
            if (wireType != wireTypes[number - 1])
            {
                violations.Add(new FieldViolation(name, $"has wire type {wireType}; its type needs wire type {wireTypes[number - 1]}."));
                return;
            }

            if (wireType == WireType.Varint)
            {
                if (!reader.TryReadVarint(out scalars[number]))
                {
                    violations.Add(new FieldViolation(name, "is truncated."));
                    return;
                }
            }
            else if (!reader.TryReadLengthDelimited(out var payload))
            {
                violations.Add(new FieldViolation(name, "is truncated."));
                return;
            }
            else
            {
                var range = new Range(reader.Position - payload.Length, reader.Position);
                last[number] = range;
                if (number == repeated)
                {
                    (repeatedRanges ??= []).Add(range);
                }
            }
        }
    }

    /// <summary>The last bytes of length-delimited field <paramref name="number"/> (empty when absent).</summary>
    public readonly ReadOnlySpan<byte> Bytes(int number) => data[last[number]];

    /// <summary>The last varint of field <paramref name="number"/> (0 when absent).</summary>
    public readonly ulong Scalar(int number) => scalars[number];

    /// <summary>Every occurrence of the repeated field, in order.</summary>
    public readonly IReadOnlyList<Range> Repeated => repeatedRanges ?? (IReadOnlyList<Range>)[];

    /// <summary>The bytes of one occurrence.</summary>
    public readonly ReadOnlySpan<byte> Slice(Range range) => data[range];
}
