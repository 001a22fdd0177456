using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Engine.Host;
using Engine.Runtime;
using Engine.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Benchmarks;

/// <summary>
/// Metadata benchmark (issue 2): time from PUT of one new resource to its first successful query, with N resources
/// already defined (15 fields each), and the memory the compiled model holds at N resources. Needs the project-local
/// PostgreSQL (scripts/services.sh up); each size gets a fresh database.
/// </summary>
internal static class MetadataBenchmark
{
    public static async Task RunAsync(int[] sizes)
    {
        Console.WriteLine("| resources defined | PUT → first query, median of 5 (ms) | min (ms) | max (ms) | PUT alone, median (ms) | managed heap after full GC (MiB) | of it, the compiled model (MiB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            await MeasureAsync(size);
        }
    }

    private static async Task MeasureAsync(int size)
    {
        await using var database = new PostgresDatabase();
        await database.InitializeAsync();
        await using (var cmd = database.DataSource.CreateCommand("ALTER DATABASE \"" + database.Name + "\" SET max_parallel_workers_per_gather = 0"))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        var app = EngineApplication.Build([], builder =>
        {
            builder.Configuration["Engine:BindAddress"] = "127.0.0.1";
            builder.Configuration["Engine:HttpPort"] = "0";
            builder.Configuration["Engine:GrpcPort"] = "0";
            builder.Configuration["ConnectionStrings:Engine"] = database.ConnectionString;
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            BenchmarkAdmin.Configure(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<EngineListeners>().HttpAddress!;
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(30) };
        await BenchmarkAdmin.AuthorizeAsync(http);

        var heapEmpty = Heap();

        // Define the resources in chunks (one apply per chunk keeps each DDL transaction's lock count bounded).
        var resources = new JsonArray();
        const int chunk = 250;
        for (var start = 0; start < size; start += chunk)
        {
            for (var i = start; i < Math.Min(size, start + chunk); i++)
            {
                resources.Add(SyntheticResources.Definition(i));
            }

            using var apply = await http.PostAsync("/meta/apply", new StringContent(new JsonObject { ["resources"] = resources.DeepClone() }.ToJsonString(), Encoding.UTF8, "application/json"));
            if (!apply.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"apply failed: {(int)apply.StatusCode} {await apply.Content.ReadAsStringAsync()}");
            }
        }

        var heapLoaded = Heap();
        var snapshot = app.Services.GetRequiredService<SnapshotHolder>().Current;
        var modelBytes = ModelBytes(app.Services.GetRequiredService<SnapshotBuilder>(), app.Services.GetRequiredService<MetadataRuntime>());

        var total = new List<double>();
        var putOnly = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var definition = SyntheticResources.Definition(run, "New" + run);
            definition["fields"]!.AsArray().RemoveAt(14);
            var name = definition["name"]!.GetValue<string>();
            var field = char.ToLowerInvariant(name[0]) + name[1..] + "s";

            var started = Stopwatch.GetTimestamp();
            using var put = await http.PutAsync("/meta/resources/" + name, new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
            var afterPut = Stopwatch.GetTimestamp();
            put.EnsureSuccessStatusCode();
            using var query = await http.PostAsJsonAsync("/graphql", new { query = "{ " + field + "(first: 1) { id title } }" });
            var body = JsonNode.Parse(await query.Content.ReadAsStringAsync())!;
            var finished = Stopwatch.GetTimestamp();
            if (body["errors"] is not null || body["data"]?[field] is null)
            {
                throw new InvalidOperationException("first query failed: " + body.ToJsonString());
            }

            total.Add(Stopwatch.GetElapsedTime(started, finished).TotalMilliseconds);
            putOnly.Add(Stopwatch.GetElapsedTime(started, afterPut).TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size} | {Median(total):F0} | {total.Min():F0} | {total.Max():F0} | {Median(putOnly):F0} | {(heapLoaded - heapEmpty) / 1048576.0:F1} | {modelBytes / 1048576.0:F1} |"));
        GC.KeepAlive(snapshot);
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The compiled model alone: a fresh snapshot (no reuse) of the loaded metadata, and what it retains.</summary>
    private static long ModelBytes(SnapshotBuilder builder, MetadataRuntime runtime)
    {
        var stored = runtime.Stored!;
        var before = Heap();
        var snapshot = builder.Build(stored, previous: null);
        var after = Heap();
        GC.KeepAlive(snapshot);
        return after - before;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
