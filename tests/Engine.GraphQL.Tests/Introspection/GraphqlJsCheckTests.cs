using System.Diagnostics;
using Engine.GraphQL.Tests.Schema;

namespace Engine.GraphQL.Tests.Introspection;

/// <summary>Runs tests/clients/graphql-js/check-introspection.mjs: graphql-js builds a client schema from our introspection.</summary>
public class GraphqlJsCheckTests
{
    [NodeFact]
    public void CheckIntrospection_CrmAndBlogSchemas_GraphqlJsAcceptsThem()
    {
        foreach (var (definitions, resources) in new[]
                 {
                     (SampleModels.BlogDefinitions(), new[] { "Post", "Author" }),
                     (SampleModels.CrmDefinitions(), new[] { "Customer", "Invoice", "Tag" }),
                 })
        {
            var result = IntrospectionRunner.Run(SampleModels.Schema(definitions), IntrospectionRunner.Query("IntrospectionQueryAllOptions.graphql"));
            var file = Path.Combine(Path.GetTempPath(), $"introspection-{Guid.NewGuid():N}.json");
            File.WriteAllText(file, result.GetRawText());
            try
            {
                var (exitCode, output) = NodeClient.Run("check-introspection.mjs", [file, .. resources]);
                Assert.True(exitCode == 0, output);
                Assert.Contains(" 0 failed", output, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}

/// <summary>A fact that is skipped, saying why, when <c>node</c> is not on PATH.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when node is missing.</summary>
    public NodeFactAttribute()
    {
        if (!NodeClient.IsAvailable)
        {
            Skip = "node is not on PATH: install Node.js 20+ to run the graphql-js check of the introspection result.";
        }
    }
}

/// <summary>Runs scripts of tests/clients/graphql-js, installing its npm packages first when they are missing.</summary>
internal static class NodeClient
{
    public static bool IsAvailable { get; } = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
        .Any(dir => File.Exists(Path.Combine(dir, "node"))) ?? false;

    public static (int ExitCode, string Output) Run(string script, IReadOnlyList<string> arguments)
    {
        var directory = ClientDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "graphql")))
        {
            var (code, output) = Execute("npm", ["ci", "--no-audit", "--no-fund"], directory);
            Assert.True(code == 0, "npm ci failed in " + directory + ":\n" + output);
        }

        return Execute("node", [script, .. arguments], directory);
    }

    private static (int, string) Execute(string program, IReadOnlyList<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string ClientDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "clients", "graphql-js"));
}
