namespace Engine.Grpc.Codec;

/// <summary>Reads <c>google.protobuf.FieldMask { repeated string paths = 1; }</c>.</summary>
internal static class FieldMasks
{
    /// <summary>Appends the paths of one FieldMask; violations name <paramref name="path"/>.</summary>
    public static void ReadPaths(ReadOnlySpan<byte> payload, string path, List<string> paths, List<FieldViolation> violations)
    {
        var reader = new WireReader(payload);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var number, out var wireType))
            {
                violations.Add(new FieldViolation(path, "is not a valid google.protobuf.FieldMask."));
                return;
            }

            if (number != 1)
            {
                if (!reader.TrySkip(number, wireType))
                {
                    violations.Add(new FieldViolation(path, "is not a valid google.protobuf.FieldMask."));
                    return;
                }

                continue;
            }

            if (wireType != WireType.LengthDelimited || !reader.TryReadLengthDelimited(out var bytes))
            {
                violations.Add(new FieldViolation(path, "is not a valid google.protobuf.FieldMask."));
                return;
            }

            if (!WireValues.TryString(bytes, out var text))
            {
                violations.Add(new FieldViolation($"{path}.paths[{paths.Count}]", "is not valid UTF-8."));
                return;
            }

            paths.Add(text);
        }
    }
}
