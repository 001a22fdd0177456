using System.Diagnostics;

namespace Engine.IntegrationTests.Support;

/// <summary>Runs a script of an npm-based independent client under tests/clients (installed by scripts/test).</summary>
internal static class NodeClient
{
    public static Task<(int ExitCode, string Output)> RunAsync(string client, string script, params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), client, script, arguments);

    /// <summary>Runs <paramref name="script"/> with <paramref name="environment"/> added (e.g. <see cref="AdminAccess.NodeEnvironment"/>).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IReadOnlyDictionary<string, string> environment, string client, string script, params string[] arguments)
    {
        var directory = RepositoryPaths.Combine("tests", "clients", client);
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            await RunProcessAsync("npm", directory, ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
        }

        return await RunProcessAsync("node", directory, [script, .. arguments], environment);
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(
        string fileName, string directory, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
