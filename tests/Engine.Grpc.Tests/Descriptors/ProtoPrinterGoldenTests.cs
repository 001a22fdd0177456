using System.Diagnostics;
using System.Runtime.CompilerServices;
using Engine.Grpc.Descriptors;
using Google.Protobuf.Reflection;

namespace Engine.Grpc.Tests.Descriptors;

public class ProtoPrinterGoldenTests
{
    public static TheoryData<string> Resources => ["Item", "Maker", "Review", "Bundle"];

    /// <summary>Compares the rendered file with Golden/&lt;resource_snake&gt;.proto; UPDATE_GOLDEN=1 rewrites it instead.</summary>
    [Theory]
    [MemberData(nameof(Resources))]
    public void Print_CatalogResource_MatchesGoldenFile(string resource)
    {
        var text = ProtoPrinter.Print(Proto(resource));
        var golden = GoldenPath(resource);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, text);
        }

        Assert.True(File.Exists(golden), $"{golden} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(golden), text);
    }

    [Fact]
    public void Print_SameProtoTwice_IsDeterministic()
    {
        Assert.Equal(ProtoPrinter.Print(Proto("Item")), ProtoPrinter.Print(Proto("Item")));
    }

    /// <summary>
    /// protoc (shipped in the Grpc.Tools package that Grpc.AspNetCore restores) compiles the golden text back into
    /// exactly the descriptor the engine builds, so the text is valid protobuf and says what the engine serves.
    /// </summary>
    [Fact]
    public void Protoc_GoldenItemFile_CompilesToTheBuiltDescriptor()
    {
        var (protoc, include) = FindProtoc();
        var root = Directory.CreateTempSubdirectory("engine-proto-");
        try
        {
            var source = Path.Combine(root.FullName, "engine", "data", "v1", "item.proto");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.Copy(GoldenPath("Item"), source);
            var output = Path.Combine(root.FullName, "item.pb");
            var run = Process.Start(new ProcessStartInfo(protoc)
            {
                ArgumentList = { "-I" + root.FullName, "-I" + include, "--descriptor_set_out=" + output, "engine/data/v1/item.proto" },
                RedirectStandardError = true,
                WorkingDirectory = root.FullName,
            })!;
            var errors = run.StandardError.ReadToEnd();
            Assert.True(run.WaitForExit(60_000), "protoc did not finish");
            Assert.True(run.ExitCode == 0, errors);

            var compiled = FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(output)).File.Single();
            Assert.Equal(Proto("Item"), compiled);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static FileDescriptorProto Proto(string resource) =>
        ResourceDescriptorBuilder.BuildProto(CatalogModel.Schema.Resource(resource)!, resource == "Item" ? CatalogModel.ItemReserved : null);

    private static string GoldenPath(string resource) =>
        Path.Combine(SourceDirectory(), "Golden", Engine.Metadata.Naming.NameConventions.ToSnakeCase(resource) + ".proto");

    private static (string Protoc, string Include) FindProtoc()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var tools = Path.Combine(packages, "grpc.tools");
        Assert.True(Directory.Exists(tools), $"Grpc.Tools is not in {packages}; restore engine/Engine.Grpc first.");
        var version = Directory.GetDirectories(tools).OrderBy(d => d, StringComparer.Ordinal).Last();
        var platform = OperatingSystem.IsMacOS() ? "macosx_universal"
            : (OperatingSystem.IsWindows() ? "windows" : "linux") + "_" + (System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
            {
                System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
                System.Runtime.InteropServices.Architecture.X86 => "x86",
                _ => "x64",
            });
        var protoc = Path.Combine(version, "tools", platform, OperatingSystem.IsWindows() ? "protoc.exe" : "protoc");
        return (protoc, Path.Combine(version, "build", "native", "include"));
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
