using Engine.GraphQL.Schema;

namespace Engine.GraphQL.Tests.Schema;

public class SchemaPrinterGoldenTests
{
    /// <summary>Compares the CRM schema's SDL with Golden/crm.graphql; UPDATE_GOLDEN=1 rewrites the file instead.</summary>
    [Fact]
    public void Print_CrmModel_MatchesGoldenFile()
    {
        var sdl = SchemaPrinter.Print(SampleModels.Schema(SampleModels.CrmDefinitions()));
        var golden = Path.Combine(SourceDirectory(), "Golden", "crm.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, sdl);
        }

        Assert.Equal(File.ReadAllText(golden), sdl);
    }

    [Fact]
    public void Print_SameModelTwice_IsDeterministic()
    {
        var first = SchemaPrinter.Print(SampleModels.Schema(SampleModels.CrmDefinitions()));
        var second = SchemaPrinter.Print(SampleModels.Schema(SampleModels.CrmDefinitions()));
        Assert.Equal(first, second);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
