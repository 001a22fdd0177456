using Google.Protobuf;
using Grpc.Core;

namespace Engine.Grpc.Reflection;

/// <summary>What a reflection request resolves to, independent of the protocol version (v1 and v1alpha share the shape).</summary>
internal abstract record ReflectionAnswer
{
    /// <summary>Serialized file descriptors, the requested file first, then its transitive imports.</summary>
    public sealed record Files(IReadOnlyList<ByteString> Descriptors) : ReflectionAnswer;

    /// <summary>Fully qualified service names.</summary>
    public sealed record Services(IReadOnlyList<string> Names) : ReflectionAnswer;

    /// <summary>The extension numbers of a message type (generated messages declare none).</summary>
    public sealed record ExtensionNumbers(string BaseType, IReadOnlyList<int> Numbers) : ReflectionAnswer;

    /// <summary>An error the reflection protocol reports in-stream.</summary>
    public sealed record Error(StatusCode Code, string Message) : ReflectionAnswer;
}
