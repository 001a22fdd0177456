using Grpc.Core;

namespace Engine.Grpc.Reflection;

/// <summary>Answers reflection requests from one <see cref="DescriptorRegistry"/>; shared by the v1 and v1alpha services.</summary>
internal static class ReflectionResolver
{
    public static ReflectionAnswer ListServices(DescriptorRegistry registry) => new ReflectionAnswer.Services(registry.Services);

    public static ReflectionAnswer FileByFilename(DescriptorRegistry registry, string name) =>
        registry.FileByName(name) is { } file
            ? new ReflectionAnswer.Files(registry.WithDependencies(file))
            : new ReflectionAnswer.Error(StatusCode.NotFound, $"File not found: {name}");

    public static ReflectionAnswer FileContainingSymbol(DescriptorRegistry registry, string symbol) =>
        registry.FileContainingSymbol(TrimDot(symbol)) is { } file
            ? new ReflectionAnswer.Files(registry.WithDependencies(file))
            : new ReflectionAnswer.Error(StatusCode.NotFound, $"Symbol not found: {symbol}");

    /// <summary>No served file declares extensions, so a known type has none and any extension is unknown.</summary>
    public static ReflectionAnswer FileContainingExtension(string type, int number) =>
        new ReflectionAnswer.Error(StatusCode.NotFound, $"Extension not found: {type} {number}");

    public static ReflectionAnswer AllExtensionNumbersOfType(DescriptorRegistry registry, string type) =>
        registry.FileContainingSymbol(TrimDot(type)) is not null
            ? new ReflectionAnswer.ExtensionNumbers(type, [])
            : new ReflectionAnswer.Error(StatusCode.NotFound, $"Type not found: {type}");

    public static ReflectionAnswer Empty() => new ReflectionAnswer.Error(StatusCode.InvalidArgument, "The request names no reflection query.");

    private static string TrimDot(string symbol) => symbol.StartsWith('.') ? symbol[1..] : symbol;
}
