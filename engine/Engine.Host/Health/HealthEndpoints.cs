using Engine.Runtime;
using Npgsql;

namespace Engine.Host.Health;

/// <summary><c>/healthz</c> (the process is alive) and <c>/readyz</c> (database reachable and metadata loaded), SPEC §7.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps both probes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/readyz", Ready);
        return endpoints;
    }

    private static async Task<IResult> Ready(SnapshotHolder holder, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!holder.IsReady)
        {
            return Results.Text("metadata not loaded", statusCode: StatusCodes.Status503ServiceUnavailable);
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
            return Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Text($"ready (metadata version {holder.Current.Version})");
    }
}
