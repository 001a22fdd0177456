using System.Diagnostics;
using System.Net.Sockets;

namespace Engine.IntegrationTests.Pods;

/// <summary>
/// A nats-server with JetStream of the test's own (<c>nats-server -js -a 127.0.0.1 -p PORT -sd DIR</c>), so a test can
/// stop it and start it again on the same port and store without disturbing other tests.
/// </summary>
public sealed class NatsServerProcess : IAsyncDisposable
{
    private readonly string storeDirectory = Directory.CreateTempSubdirectory("engine-nats-").FullName;
    private readonly int port = FreePorts.Next();
    private Process? process;
    private CapturedOutput output = new();

    /// <summary>The URL pods connect to (<c>Nats__Url</c>).</summary>
    public string Url => $"nats://127.0.0.1:{port}";

    /// <summary>True while the server runs.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts a server (again, after <see cref="StopAsync"/>: same port, same JetStream store) and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo("nats-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-js", "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", storeDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        output = new CapturedOutput();
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start nats-server");
        output.Attach(process);
        var waited = Stopwatch.StartNew();
        while (!await AcceptsConnectionsAsync())
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"nats-server did not start on port {port}. Output:\n{output.Tail()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops the server (SIGKILL: clients see the connection drop, as when a server dies) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <summary>
    /// Stops the server as an operator would (SIGTERM) and waits for it to exit: JetStream flushes what it acknowledged,
    /// which a SIGKILL does not promise (its own durability trade-off, not the engine's).
    /// </summary>
    public async Task TerminateAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            using var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        }

        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(storeDirectory, recursive: true);
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
