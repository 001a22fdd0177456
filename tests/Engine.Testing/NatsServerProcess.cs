using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Engine.Testing;

/// <summary>
/// A nats-server with JetStream of the test's own, on a free loopback port with its own store directory, so a test
/// can stop and restart it (same port, same store) and its stream holds only the test's messages.
/// </summary>
public sealed class NatsServerProcess : IAsyncDisposable
{
    private Process? process;

    private NatsServerProcess(int port, string storeDirectory)
    {
        Port = port;
        StoreDirectory = storeDirectory;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The JetStream store directory, kept across restarts and deleted on dispose.</summary>
    public string StoreDirectory { get; }

    /// <summary>The URL clients and pods connect to (<c>Nats__Url</c>).</summary>
    public string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>True while the server runs.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts a server on a free port with a fresh store.</summary>
    public static async Task<NatsServerProcess> StartAsync()
    {
        var store = Path.Combine(Path.GetTempPath(), "engine-events-nats-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(store);
        var server = new NatsServerProcess(FreePort(), store);
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same port and store; returns once it accepts connections.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("nats-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-js", "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", StoreDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("nats-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// Stops the server as an operator would (SIGTERM), so JetStream flushes what it acknowledged: a SIGKILL may lose the
    /// last few milliseconds of acknowledged messages, which is JetStream's durability trade-off, not the relay's.
    /// </summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false } running)
        {
            using (var term = Process.Start("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await running.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                running.Kill();
                await running.WaitForExitAsync();
            }
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Kills the server at once (SIGKILL): clients see the connection drop, as when a server dies.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(StoreDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
