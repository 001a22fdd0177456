using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Engine.Benchmarks.Static;
using Engine.Host;
using Engine.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Engine.Benchmarks;

/// <summary>
/// Issue 4: Get and List through the engine's dynamic gRPC service against a statically generated service of the
/// same messages (<see cref="StaticPostService"/>), same data, same process, same client. Needs the project-local
/// PostgreSQL (scripts/services.sh up).
/// </summary>
internal static class GrpcBenchmark
{
    private const string OrderBy = "views desc";
    private const int PageSize = 20;

    public static async Task RunAsync(string[] args)
    {
        var seconds = Arg(args, 0, 10);
        var warmup = Arg(args, 1, 3);
        var callers = Arg(args, 2, 32);
        var rounds = Arg(args, 3, 2);
        var rows = Arg(args, 4, 10_000);

        await using var database = new PostgresDatabase();
        await database.InitializeAsync();
        await using (var cmd = database.DataSource.CreateCommand("ALTER DATABASE \"" + database.Name + "\" SET max_parallel_workers_per_gather = 0"))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        if (Environment.GetEnvironmentVariable("BENCH_LOG_SQL") == "1")
        {
            await using var cmd = database.DataSource.CreateCommand("ALTER DATABASE \"" + database.Name + "\" SET log_statement = 'all'");
            await cmd.ExecuteNonQueryAsync();
        }

        var engine = EngineApplication.Build([], builder =>
        {
            builder.Configuration["Engine:BindAddress"] = "127.0.0.1";
            builder.Configuration["Engine:HttpPort"] = "0";
            builder.Configuration["Engine:GrpcPort"] = "0";
            builder.Configuration["ConnectionStrings:Engine"] = database.ConnectionString;
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            BenchmarkAdmin.Configure(builder);
        });
        await engine.StartAsync();
        var listeners = engine.Services.GetRequiredService<EngineListeners>();
        string token;
        using (var http = new HttpClient { BaseAddress = listeners.HttpAddress })
        {
            token = await BenchmarkAdmin.AuthorizeAsync(http);
            const string definition = """{"name":"Post","fields":[{"name":"title","type":"String","required":true},{"name":"views","type":"Int","required":true},{"name":"published","type":"Boolean","required":true}]}""";
            using var put = await http.PutAsync("/meta/resources/Post", new StringContent(definition, Encoding.UTF8, "application/json"));
            if (!put.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"PUT failed: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
            }
        }

        await using (var seed = database.DataSource.CreateCommand(
            "INSERT INTO data.post (id, title, views, published) SELECT gen_random_uuid(), 'Post number ' || g, (g * 7919) % 100000, g % 2 = 0 FROM generate_series(1, $1) g"))
        {
            seed.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rows });
            await seed.ExecuteNonQueryAsync();
        }

        await using (var analyze = database.DataSource.CreateCommand("VACUUM ANALYZE data.post"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var ids = new List<string>();
        await using (var select = database.DataSource.CreateCommand("SELECT id FROM data.post ORDER BY random() LIMIT 1000"))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0).ToString());
            }
        }

        // The static service: a second Kestrel (HTTP/2-only loopback port) in the same process, with the engine's
        // gRPC options and the engine's Npgsql defaults (auto-prepare 256 / min usages 2, pool max(16, 8 × cores)).
        var staticBuilder = WebApplication.CreateBuilder();
        staticBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        staticBuilder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        staticBuilder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 4 * 1024 * 1024);
        staticBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            MaxAutoPrepare = 256,
            AutoPrepareMinUsages = 2,
            MaxPoolSize = Math.Max(16, Environment.ProcessorCount * 8),
            Timezone = "UTC",
        }.ConnectionString));
        await using var staticApp = staticBuilder.Build();
        staticApp.MapGrpcService<StaticPostService>();
        await staticApp.StartAsync();
        var staticAddress = new Uri(staticApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        using var staticChannel = GrpcChannel.ForAddress(staticAddress);
        using var dynamicChannel = BenchmarkAdmin.Channel(listeners.GrpcAddress!, token);
        var sides = new (string Name, PostService.PostServiceClient Client)[]
        {
            ("static", new PostService.PostServiceClient(staticChannel)),
            ("dynamic", new PostService.PostServiceClient(dynamicChannel)),
        };

        // Both sides answer the same thing (apart from the page token's encoding).
        foreach (var (name, client) in sides)
        {
            var got = await client.GetPostAsync(new GetPostRequest { Id = ids[0] });
            var page = await client.ListPostsAsync(new ListPostsRequest { PageSize = PageSize, OrderBy = OrderBy });
            var next = await client.ListPostsAsync(new ListPostsRequest { PageSize = PageSize, OrderBy = OrderBy, PageToken = page.NextPageToken });
            Console.WriteLine($"{name}: get {got.Title} views={got.Views}; list {page.Posts.Count} of {page.TotalSize}, first views={page.Posts[0].Views}, last id={page.Posts[^1].Id}; page 2 first id={next.Posts[0].Id} views={next.Posts[0].Views}");
        }

        if (Environment.GetEnvironmentVariable("BENCH_LOG_SQL") == "1")
        {
            return;
        }

        var operations = new (string Name, Func<PostService.PostServiceClient, int, Task> Call)[]
        {
            ("Get", (c, i) => c.GetPostAsync(new GetPostRequest { Id = ids[i % ids.Count] }).ResponseAsync),
            ("List", (c, _) => c.ListPostsAsync(new ListPostsRequest { PageSize = PageSize, OrderBy = OrderBy }).ResponseAsync),
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows} rows, {callers} concurrent callers, {warmup} s warm-up + {seconds} s measured per run, {rounds} rounds, {Environment.ProcessorCount} cores, load average at start {LoadAverage()}"));
        var results = new Dictionary<(string, string), List<Run>>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (operation, call) in operations)
            {
                var order = round % 2 == 0 ? sides : [sides[1], sides[0]];
                foreach (var (side, client) in order)
                {
                    await LoadAsync(client, call, callers, TimeSpan.FromSeconds(warmup));
                    var run = await LoadAsync(client, call, callers, TimeSpan.FromSeconds(seconds));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round + 1} {operation} {side}: {run.Throughput:F0} calls/s, p50 {run.Percentile(0.50):F2} ms, p99 {run.Percentile(0.99):F2} ms, errors {run.Errors}, load {LoadAverage()}"));
                    if (!results.TryGetValue((operation, side), out var list))
                    {
                        results[(operation, side)] = list = [];
                    }

                    list.Add(run);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| call | static calls/s (p50 / p99 ms) | dynamic calls/s (p50 / p99 ms) | dynamic / static |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (operation, _) in operations)
        {
            var s = Run.Merge(results[(operation, "static")]);
            var d = Run.Merge(results[(operation, "dynamic")]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {operation} | {s.Throughput:N0} ({s.Percentile(0.5):F2} / {s.Percentile(0.99):F2}) | {d.Throughput:N0} ({d.Percentile(0.5):F2} / {d.Percentile(0.99):F2}) | {d.Throughput / s.Throughput:F2} |"));
        }

        Console.WriteLine("load average at end: " + LoadAverage());
        await staticApp.StopAsync();
        await engine.StopAsync();
        await engine.DisposeAsync();
    }

    /// <summary>N callers, each one call at a time, until the duration is over; every completed call is counted.</summary>
    private static async Task<Run> LoadAsync(PostService.PostServiceClient client, Func<PostService.PostServiceClient, int, Task> call, int callers, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, callers).Select(w => Task.Run(async () =>
        {
            var latencies = new List<long>(1 << 14);
            var errors = 0;
            var i = w * 7;
            while (Stopwatch.GetTimestamp() < end)
            {
                var before = Stopwatch.GetTimestamp();
                try
                {
                    await call(client, i++);
                    latencies.Add(Stopwatch.GetTimestamp() - before);
                }
                catch (global::Grpc.Core.RpcException)
                {
                    errors++;
                }
            }

            return (latencies, errors);
        })).ToArray();
        var done = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Run(done.SelectMany(d => d.latencies).ToArray(), done.Sum(d => d.errors), elapsed);
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Run(long[] Latencies, int Errors, double Seconds)
    {
        public double Throughput => Latencies.Length / Seconds;

        public double Percentile(double p)
        {
            if (Latencies.Length == 0)
            {
                return double.NaN;
            }

            var sorted = Latencies.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))] * 1000.0 / Stopwatch.Frequency;
        }

        public static Run Merge(List<Run> runs) =>
            new(runs.SelectMany(r => r.Latencies).ToArray(), runs.Sum(r => r.Errors), runs.Sum(r => r.Seconds));
    }
}
