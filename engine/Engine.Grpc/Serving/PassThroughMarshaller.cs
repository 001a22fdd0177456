using Grpc.Core;

namespace Engine.Grpc.Serving;

/// <summary>
/// The marshaller of every dynamic method: messages stay bytes, so malformed input reaches the handler and the codec
/// rejects it with INVALID_ARGUMENT (a throwing deserializer would turn it into a bare pipeline error).
/// </summary>
public static class PassThroughMarshaller
{
    /// <summary>Bytes in, bytes out.</summary>
    public static Marshaller<byte[]> Instance { get; } = Marshallers.Create(static bytes => bytes, static bytes => bytes);
}
