using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Engine.Grpc.Reflection;

/// <summary>One file reflection can serve: its serialized descriptor, its imports and the symbols it declares.</summary>
public sealed class RegisteredFile
{
    private RegisteredFile(string name, ByteString bytes, IReadOnlyList<string> dependencies, IReadOnlyList<string> symbols, IReadOnlyList<string> services)
    {
        Name = name;
        Bytes = bytes;
        Dependencies = dependencies;
        Symbols = symbols;
        Services = services;
    }

    /// <summary>The file name, e.g. <c>engine/data/v1/post.proto</c>.</summary>
    public string Name { get; }

    /// <summary>The serialized <c>FileDescriptorProto</c>.</summary>
    public ByteString Bytes { get; }

    /// <summary>The names of the files it imports.</summary>
    public IReadOnlyList<string> Dependencies { get; }

    /// <summary>Fully qualified names of its messages (nested included), enums, services and methods.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Fully qualified names of its services.</summary>
    public IReadOnlyList<string> Services { get; }

    /// <summary>Describes <paramref name="file"/>; <paramref name="bytes"/> defaults to its serialized descriptor.</summary>
    public static RegisteredFile From(FileDescriptor file, ByteString? bytes = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var symbols = new List<string>();
        foreach (var message in file.MessageTypes)
        {
            AddMessage(symbols, message);
        }

        symbols.AddRange(file.EnumTypes.Select(e => e.FullName));
        foreach (var service in file.Services)
        {
            symbols.Add(service.FullName);
            symbols.AddRange(service.Methods.Select(m => m.FullName));
        }

        return new RegisteredFile(file.Name, bytes ?? file.SerializedData, file.Dependencies.Select(d => d.Name).ToArray(), symbols,
            file.Services.Select(s => s.FullName).ToArray());
    }

    private static void AddMessage(List<string> symbols, MessageDescriptor message)
    {
        symbols.Add(message.FullName);
        symbols.AddRange(message.EnumTypes.Select(e => e.FullName));
        foreach (var nested in message.NestedTypes)
        {
            AddMessage(symbols, nested);
        }
    }
}
