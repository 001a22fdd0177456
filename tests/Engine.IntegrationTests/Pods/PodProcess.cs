using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.IntegrationTests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engine.IntegrationTests.Pods;

/// <summary>
/// One engine pod as a real operating-system process: the built host (<c>dotnet Engine.Host.dll</c>, the same build
/// the tests run against) on free loopback ports, configured only through environment variables as in production.
/// Its stdout and stderr are captured for failure messages. Stop it gracefully (SIGTERM) or kill it (SIGKILL).
/// </summary>
public sealed class PodProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static b => b, static b => b);

    private readonly Process process;
    private readonly CapturedOutput output;

    private PodProcess(string name, Process process, CapturedOutput output, Uri httpAddress, Uri grpcAddress)
    {
        Name = name;
        this.process = process;
        this.output = output;
        HttpAddress = httpAddress;
        GrpcAddress = grpcAddress;
        Http = new HttpClient { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The name given at start, used in failure messages (e.g. <c>pod2</c>).</summary>
    public string Name { get; }

    /// <summary>The HTTP address (GraphQL, <c>/meta</c>, probes), e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri HttpAddress { get; }

    /// <summary>The gRPC (cleartext HTTP/2) address.</summary>
    public Uri GrpcAddress { get; }

    /// <summary>A client for the pod's HTTP API; it sends an admin token (<see cref="AdminAccess"/>), so <c>/meta</c> calls work.</summary>
    public HttpClient Http { get; }

    /// <summary>A channel to the pod's gRPC port whose calls carry the admin token.</summary>
    public GrpcChannel Grpc { get; private set; } = null!;

    /// <summary>The operating-system process id.</summary>
    public int ProcessId => process.Id;

    /// <summary>True once the process has ended (stopped, killed or crashed).</summary>
    public bool HasExited => process.HasExited;

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Everything the pod wrote to stdout and stderr so far (JSON log lines).</summary>
    public string Output => output.ToString();

    /// <summary>
    /// Starts a pod over <paramref name="connectionString"/>, with NATS at <paramref name="natsUrl"/> (null: no NATS, the
    /// poll and the in-process bus), waits until <c>/readyz</c> answers 200 and obtains an admin token for <see cref="Http"/>.
    /// <paramref name="environment"/> adds or overrides variables (<c>Engine__MetadataPollMilliseconds</c>, ...); a null
    /// value removes one.
    /// </summary>
    public static async Task<PodProcess> StartAsync(
        string name, string connectionString, string? natsUrl, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var httpPort = FreePorts.Next();
        var grpcPort = FreePorts.Next();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EngineHostAssembly());
        Configure(start.Environment, connectionString, natsUrl, httpPort, grpcPort, environment);

        var captured = new CapturedOutput();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: could not start {start.FileName}");
        captured.Attach(process);
        var pod = new PodProcess(name, process, captured, new Uri($"http://127.0.0.1:{httpPort}"), new Uri($"http://127.0.0.1:{grpcPort}"));
        try
        {
            await pod.WaitUntilReadyAsync(StartTimeout);
            pod.Grpc = AdminAccess.Channel(pod.GrpcAddress, await AdminAccess.AuthorizeAsync(pod.Http));
        }
        catch
        {
            await pod.DisposeAsync();
            throw;
        }

        return pod;
    }

    /// <summary>POSTs a GraphQL request and returns the parsed response, whatever its status.</summary>
    public async Task<JsonDocument> GraphQLAsync(string query, object? variables = null)
    {
        using var response = await Http.PostAsJsonAsync("/graphql", new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"{Name}: /graphql answered {(int)response.StatusCode} with no JSON: {text}");
        }
    }

    /// <summary>PUTs a resource definition; returns the status and the parsed body.</summary>
    public async Task<(int Status, JsonNode? Body)> PutResourceAsync(string name, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/meta/resources/{name}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>PUTs a resource and fails the test unless it is accepted; returns the new metadata version.</summary>
    public async Task<long> DefineAsync(string name, string json)
    {
        var (status, body) = await PutResourceAsync(name, json);
        Assert.True(status == 200, $"{Name}: PUT /meta/resources/{name} answered {status}: {body?.ToJsonString()}");
        return body!["version"]!.GetValue<long>();
    }

    /// <summary>The metadata version <c>/readyz</c> reports, or null while the pod is not ready.</summary>
    public async Task<long?> ReadyVersionAsync()
    {
        try
        {
            using var response = await Http.GetAsync("/readyz");
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("metadataVersion").GetInt64();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>True when the pod's GraphQL API has the resource: <c>{ resource(where: {id}) { id } }</c> answers without errors.</summary>
    public async Task<bool> ServesGraphQLAsync(string resource)
    {
        var field = char.ToLowerInvariant(resource[0]) + resource[1..];
        using var response = await GraphQLAsync($$"""{ {{field}}(where: { id: "{{Guid.Empty}}" }) { id } }""");
        return response.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && !response.RootElement.TryGetProperty("errors", out _);
    }

    /// <summary>True when the pod's gRPC API has the resource: <c>Get&lt;Resource&gt;</c> of an unknown id answers NOT_FOUND.</summary>
    public async Task<bool> ServesGrpcAsync(string resource)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, $"engine.data.v1.{resource}Service", "Get" + resource, Bytes, Bytes);
        var id = Encoding.ASCII.GetBytes(Guid.Empty.ToString());
        byte[] request = [0x0A, (byte)id.Length, .. id]; // field 1 (id), length-delimited
        try
        {
            await Grpc.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)), request);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            return false;
        }
    }

    /// <summary>Kills the process at once (SIGKILL, the whole process tree), like <c>kill -9</c>: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Stops the pod gracefully (SIGTERM) and waits for it to exit; kills it when it takes longer than <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (process.HasExited)
        {
            return;
        }

        var terminate = new ProcessStartInfo("kill") { UseShellExecute = false };
        terminate.ArgumentList.Add("-TERM");
        terminate.ArgumentList.Add(process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using (var signal = Process.Start(terminate) ?? throw new InvalidOperationException("could not run kill"))
        {
            await signal.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{Name} did not stop within {timeout ?? TimeSpan.FromSeconds(30)}; killed it. Output:\n{output.Tail()}");
        }
    }

    /// <summary>The last lines of the pod's output, for assertion messages.</summary>
    public string OutputTail(int lines = 60) => $"--- {Name} (pid {process.Id}{(process.HasExited ? ", exited" : "")}) ---\n{output.Tail(lines)}";

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        Grpc.Dispose();
        Http.Dispose();
        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was ready. Output:\n{output.Tail()}");
            }

            if (await ReadyVersionAsync() is not null)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}. Output:\n{output.Tail()}");
    }

    private static void Configure(
        IDictionary<string, string?> variables, string connectionString, string? natsUrl, int httpPort, int grpcPort,
        IReadOnlyDictionary<string, string?>? environment)
    {
        // The test runner's own settings must not leak in: a pod is configured by exactly what the test says.
        foreach (var key in variables.Keys.Where(IsEngineSetting).ToList())
        {
            variables.Remove(key);
        }

        variables["ConnectionStrings__Engine"] = connectionString;
        variables["Engine__BindAddress"] = "127.0.0.1";
        variables["Engine__HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        variables["Engine__GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        variables[AdminAccess.SecretKey] = AdminAccess.Secret;
        if (natsUrl is not null)
        {
            variables["Nats__Url"] = natsUrl;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                variables.Remove(key);
            }
            else
            {
                variables[key] = value;
            }
        }
    }

    private static bool IsEngineSetting(string key) =>
        key.StartsWith("Engine__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Nats__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase)
        || key.Equals("ASPNETCORE_URLS", StringComparison.OrdinalIgnoreCase) || key.Equals("DOTNET_URLS", StringComparison.OrdinalIgnoreCase)
        || key.Equals("urls", StringComparison.OrdinalIgnoreCase);

    // dotnet test runs the tests under the SDK's dotnet host and says where it is in DOTNET_HOST_PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    // The ProjectReference to Engine.Host copies the host, its deps.json and runtimeconfig.json beside the tests, so the
    // pods run exactly the build under test; the host's own output folder is the fallback.
    private static string EngineHostAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Engine.Host.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "Engine.Host.runtimeconfig.json")))
        {
            return beside;
        }

        var configuration = typeof(PodProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var built = RepositoryPaths.Combine("engine", "Engine.Host", "bin", configuration, "net10.0", "Engine.Host.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException($"Engine.Host.dll is neither beside the tests nor at {built}; build Engine.sln first");
    }
}
