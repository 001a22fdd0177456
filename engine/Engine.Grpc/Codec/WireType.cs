namespace Engine.Grpc.Codec;

/// <summary>Protobuf wire types (the low three bits of a tag).</summary>
internal static class WireType
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int StartGroup = 3;
    public const int EndGroup = 4;
    public const int Fixed32 = 5;

    /// <summary>The tag of a field: number and wire type in one varint.</summary>
    public static uint Tag(int number, int wireType) => ((uint)number << 3) | (uint)wireType;
}
