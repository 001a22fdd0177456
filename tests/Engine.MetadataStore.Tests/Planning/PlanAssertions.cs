using Engine.MetadataStore.Planning;

namespace Engine.MetadataStore.Tests.Planning;

/// <summary>Finds steps in a plan and fails with the whole plan shown when one is missing.</summary>
internal static class PlanAssertions
{
    public static MigrationStep Single(MigrationPlan plan, string kind, string? column = null)
    {
        var matches = plan.Steps.Where(s => s.Kind == kind && (column is null || s.Column == column)).ToArray();
        Assert.True(matches.Length == 1, $"expected one {kind}{(column is null ? "" : " of " + column)} in:\n{Show(plan)}");
        return matches[0];
    }

    public static IReadOnlyList<string> Kinds(MigrationPlan plan) => plan.Steps.Select(s => s.Kind).ToArray();

    public static string Show(MigrationPlan plan) => string.Join("\n", plan.Steps.Select(s => $"{s.Kind} {s.Destructive}: {s.Sql}"));
}
