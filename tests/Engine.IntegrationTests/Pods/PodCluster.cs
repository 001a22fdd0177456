using Engine.Testing;

namespace Engine.IntegrationTests.Pods;

/// <summary>
/// Identical engine pods over one fresh PostgreSQL database and, optionally, a nats-server of their own: the setup of
/// issue 5's multi-pod tests. Start one per test (<c>await using var cluster = await PodCluster.StartAsync(3, withNats: true)</c>);
/// disposing kills the pods and the server and drops the database.
/// </summary>
public sealed class PodCluster : IAsyncDisposable
{
    private readonly List<PodProcess> pods = [];
    private readonly IReadOnlyDictionary<string, string?> environment;
    private int started;

    private PodCluster(PostgresDatabase database, NatsServerProcess? nats, IReadOnlyDictionary<string, string?> environment)
    {
        Database = database;
        Nats = nats;
        this.environment = environment;
    }

    /// <summary>The pods' database, for checks behind the API.</summary>
    public PostgresDatabase Database { get; }

    /// <summary>The pods' nats-server, null when started without NATS.</summary>
    public NatsServerProcess? Nats { get; }

    /// <summary>The pods started so far, in the order they became ready (killed and stopped ones included).</summary>
    public IReadOnlyList<PodProcess> Pods => pods;

    /// <summary>The pod at <paramref name="index"/> of <see cref="Pods"/> (index 0 is the first pod started).</summary>
    public PodProcess this[int index] => pods[index];

    /// <summary>
    /// Creates the database (and starts nats-server when <paramref name="withNats"/>) and starts <paramref name="podCount"/>
    /// pods; <paramref name="environment"/> is given to every pod (see <see cref="PodProcess.StartAsync"/>).
    /// </summary>
    public static async Task<PodCluster> StartAsync(int podCount, bool withNats, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(podCount);
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        PodCluster? cluster = null;
        try
        {
            cluster = new PodCluster(database, withNats ? await NatsServerProcess.StartAsync() : null, environment ?? new Dictionary<string, string?>());

            // The first pod migrates the store alone; the others then start side by side.
            await cluster.StartPodAsync();
            await Task.WhenAll(Enumerable.Range(1, podCount - 1).Select(_ => cluster.StartPodAsync()));
        }
        catch
        {
            if (cluster is null)
            {
                await database.DisposeAsync();
            }
            else
            {
                await cluster.DisposeAsync();
            }

            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more pod (e.g. to replace a killed one), with the cluster's settings plus <paramref name="extra"/>.</summary>
    public async Task<PodProcess> StartPodAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(environment);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var name = "pod" + Interlocked.Increment(ref started).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pod = await PodProcess.StartAsync(name, Database.ConnectionString, Nats?.Url, settings);
        lock (pods)
        {
            pods.Add(pod);
        }

        return pod;
    }

    /// <summary>The last output lines of every pod, for assertion messages.</summary>
    public string OutputTails(int lines = 30) => string.Join("\n", pods.Select(p => p.OutputTail(lines)));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var pod in pods)
        {
            await pod.DisposeAsync();
        }

        if (Nats is not null)
        {
            await Nats.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
