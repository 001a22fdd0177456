using System.Text.Json.Serialization;
using Engine.Runtime;
using Npgsql;

namespace Engine.Host.Health;

/// <summary><c>/healthz</c> (the process is alive) and <c>/readyz</c> (database reachable and metadata loaded), SPEC §7.</summary>
/// <remarks>
/// <c>/readyz</c> answers JSON for operators and scripts: 200 <c>{"status":"ready","metadataVersion":12}</c>, or 503
/// <c>{"status":"unavailable","reason":"..."}</c> (with the served version once one is loaded). Comparing
/// <c>metadataVersion</c> across pods shows whether a change has reached all of them.
/// </remarks>
public static class HealthEndpoints
{
    /// <summary>Maps both probes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/readyz", Ready);
        return endpoints;
    }

    private static async Task<IResult> Ready(
        SnapshotHolder holder, NpgsqlDataSource dataSource, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Out of the load balancer while in-flight requests finish.
            return Unavailable("shutting down", holder.TryCurrent?.Version);
        }

        if (holder.TryCurrent is not { } snapshot)
        {
            return Unavailable("metadata not loaded", null);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return Unavailable("database unreachable", snapshot.Version);
        }

        return Results.Json(new Readiness("ready", snapshot.Version, null));
    }

    private static IResult Unavailable(string reason, long? version) =>
        Results.Json(new Readiness("unavailable", version, reason), statusCode: StatusCodes.Status503ServiceUnavailable);

    private sealed record Readiness(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("metadataVersion"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? MetadataVersion,
        [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);
}
