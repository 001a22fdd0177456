using Npgsql;

namespace Engine.Host;

/// <summary>The engine's defaults for the Npgsql connection string; anything the operator sets explicitly wins.</summary>
internal static class DatabaseConnection
{
    /// <summary>
    /// Every root field runs one of a few statement shapes again and again, so automatic preparation pays;
    /// a pool of a few connections per core beats one per client on a small machine; and nothing needs the reset on
    /// pool return (docs/benchmarks.md).
    /// </summary>
    public static string WithEngineDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Auto Prepare"))
        {
            builder.MaxAutoPrepare = 256;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!Mentions(connectionString, "Pool Size"))
        {
            builder.MaxPoolSize = Math.Max(16, Environment.ProcessorCount * 8);
        }

        // The engine never changes session state (advisory locks and settings are transaction-scoped), so the reset
        // Npgsql prepends to a pooled connection's next command (several statements PostgreSQL must run) is pure cost.
        if (!Mentions(connectionString, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Mentions(connectionString, "Timezone"))
        {
            builder.Timezone = "UTC";
        }

        return builder.ConnectionString;
    }

    /// <summary>True when the keyword appears, with or without its spaces (Npgsql accepts both spellings).</summary>
    private static bool Mentions(string connectionString, string keyword) =>
        connectionString.Replace(" ", "", StringComparison.Ordinal).Contains(keyword.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
}
