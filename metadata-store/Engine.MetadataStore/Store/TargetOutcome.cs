using Engine.Metadata.Definitions;

namespace Engine.MetadataStore.Store;

/// <summary>The definitions a change asks for, or the status and message that refuse it.</summary>
internal sealed record TargetOutcome(IReadOnlyList<ResourceDefinition> Definitions, ChangeStatus? Refusal = null, string? Message = null)
{
    public static TargetOutcome Refused(ChangeStatus status, string message) => new([], status, message);
}
