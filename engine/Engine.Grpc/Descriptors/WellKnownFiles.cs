using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Engine.Grpc.Descriptors;

/// <summary>The well-known-type files a resource's file may import, and the type names it refers to them by.</summary>
public static class WellKnownFiles
{
    /// <summary><c>google/protobuf/empty.proto</c>.</summary>
    public const string Empty = "google/protobuf/empty.proto";

    /// <summary><c>google/protobuf/field_mask.proto</c>.</summary>
    public const string FieldMask = "google/protobuf/field_mask.proto";

    /// <summary><c>google/protobuf/struct.proto</c>.</summary>
    public const string Struct = "google/protobuf/struct.proto";

    /// <summary><c>google/protobuf/timestamp.proto</c>.</summary>
    public const string Timestamp = "google/protobuf/timestamp.proto";

    /// <summary>The fully qualified type name of <c>google.protobuf.Empty</c>, as a descriptor's <c>type_name</c>.</summary>
    public const string EmptyType = ".google.protobuf.Empty";

    /// <summary>The fully qualified type name of <c>google.protobuf.FieldMask</c>.</summary>
    public const string FieldMaskType = ".google.protobuf.FieldMask";

    /// <summary>The fully qualified type name of <c>google.protobuf.Struct</c>.</summary>
    public const string StructType = ".google.protobuf.Struct";

    /// <summary>The fully qualified type name of <c>google.protobuf.Timestamp</c>.</summary>
    public const string TimestampType = ".google.protobuf.Timestamp";

    /// <summary>The generated descriptors of the files above, by file name; none of them imports another file.</summary>
    public static IReadOnlyDictionary<string, FileDescriptor> ByName { get; } = new Dictionary<string, FileDescriptor>(StringComparer.Ordinal)
    {
        [Empty] = EmptyReflection.Descriptor,
        [FieldMask] = FieldMaskReflection.Descriptor,
        [Struct] = StructReflection.Descriptor,
        [Timestamp] = TimestampReflection.Descriptor,
    };
}
