using Engine.Grpc.Codec;

namespace Engine.Grpc.Watching;

/// <summary>Reads <c>Watch&lt;Rs&gt;Request { string filter = 1; }</c>; malformed bytes become violations, never exceptions.</summary>
internal static class WatchRequestReader
{
    /// <summary>The request's filter (empty when absent), or the violations that make the request INVALID_ARGUMENT.</summary>
    public static (string? Filter, IReadOnlyList<FieldViolation> Violations) Read(ReadOnlySpan<byte> bytes)
    {
        var violations = new List<FieldViolation>();
        var request = new RequestFields(bytes, 1);
        request.Read([WireType.LengthDelimited], ["filter"], repeated: 0, violations);
        if (violations.Count > 0)
        {
            return (null, violations);
        }

        if (!WireValues.TryString(request.Bytes(1), out var filter))
        {
            return (null, [new FieldViolation("filter", "is not valid UTF-8.")]);
        }

        return (filter, []);
    }
}
