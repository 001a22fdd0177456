namespace Engine.Host.Observability;

/// <summary>
/// How a pod stops on SIGTERM: <c>/readyz</c> turns 503 and Kestrel stops accepting connections; in-flight requests
/// finish; GraphQL WebSockets close with 1001 and Watch streams end with OK (clients reconnect to another pod); the
/// outbox relay finishes its batch and releases its shard locks. Whatever still runs after
/// <c>Engine:ShutdownTimeoutSeconds</c> (25, under Kubernetes' default 30 s grace period) is aborted.
/// </summary>
internal static class GracefulShutdown
{
    /// <summary>The configuration key of the drain time (environment <c>Engine__ShutdownTimeoutSeconds</c>).</summary>
    public const string TimeoutKey = "Engine:ShutdownTimeoutSeconds";

    public static void Configure(WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue(TimeoutKey, 25);
        if (seconds < 1)
        {
            throw new InvalidOperationException($"{TimeoutKey} must be at least 1 (it is {seconds})");
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(seconds));
    }
}
