namespace Engine.MetadataStore.Planning;

/// <summary>Collects steps with their phase and returns them ordered by phase, in the order found within one.</summary>
internal sealed class PlanWriter
{
    private readonly List<(PlanPhase Phase, MigrationStep Step)> steps = [];

    public void Add(PlanPhase phase, MigrationStep step) => steps.Add((phase, step));

    // OrderBy is stable, so steps of one phase keep the order of the resources and fields they come from.
    public MigrationPlan Build() => steps.Count == 0 ? MigrationPlan.Empty : new MigrationPlan(steps.OrderBy(s => s.Phase).Select(s => s.Step).ToArray());
}
