namespace Engine.MetadataStore.Schema;

/// <summary>Keys of the transaction-scoped advisory locks that serialize work across engine pods.</summary>
internal static class AdvisoryLocks
{
    /// <summary>Held while the store's own schema is migrated, so pods starting together migrate once.</summary>
    public const long StoreMigration = 0x656E67_6D657461_1;

    /// <summary>Held by every metadata change, so two changes never interleave.</summary>
    public const long MetadataChange = 0x656E67_6D657461_2;
}
