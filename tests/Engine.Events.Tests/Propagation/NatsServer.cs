namespace Engine.Events.Tests.Propagation;

/// <summary>The tests' nats-server (scripts/services.sh exports ENGINE_TEST_NATS).</summary>
internal static class NatsServer
{
    public static string Url => Environment.GetEnvironmentVariable("ENGINE_TEST_NATS") ?? "nats://127.0.0.1:4223";
}
