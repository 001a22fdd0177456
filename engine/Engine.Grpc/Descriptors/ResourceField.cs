using Engine.Metadata.Model;
using Google.Protobuf.Reflection;

namespace Engine.Grpc.Descriptors;

/// <summary>A field of the resource model and the message field that carries it.</summary>
/// <param name="Field">The resolved field (system fields included).</param>
/// <param name="Descriptor">Its field in the resource's message.</param>
public sealed record ResourceField(FieldModel Field, FieldDescriptor Descriptor);
