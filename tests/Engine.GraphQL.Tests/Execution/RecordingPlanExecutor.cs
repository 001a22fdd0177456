using System.Text;
using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Execution;
using Engine.Query.Plans;

namespace Engine.GraphQL.Tests.Execution;

/// <summary>
/// A stand-in for the SQL executor that records the calls it gets and answers each plan with a canned result by
/// response key. It tests response shaping only; the database is the SQL layer's and the end-to-end tests' business.
/// </summary>
internal sealed class RecordingPlanExecutor : IPlanExecutor
{
    private readonly Dictionary<string, Func<PlanResult>> answers = new(StringComparer.Ordinal);

    /// <summary>Each call: "query" with its plans, or "mutate" with its one plan.</summary>
    public List<(string Kind, IReadOnlyList<RootPlan> Plans)> Calls { get; } = [];

    /// <summary>Answers the plan with key <paramref name="key"/> with this JSON text.</summary>
    public RecordingPlanExecutor Returns(string key, string json) =>
        Answer(key, () => PlanResult.Ok(Encoding.UTF8.GetBytes(json)));

    /// <summary>Answers the plan with key <paramref name="key"/> with this error.</summary>
    public RecordingPlanExecutor Fails(string key, Engine.Query.Errors.EngineError error) => Answer(key, () => PlanResult.Fail(error));

    /// <summary>Throws <paramref name="exception"/> for the plan with key <paramref name="key"/>.</summary>
    public RecordingPlanExecutor Throws(string key, Exception exception) => Answer(key, () => throw exception);

    /// <inheritdoc/>
    public Task<IReadOnlyList<PlanResult>> QueryAsync(SchemaModel model, IReadOnlyList<RootPlan> plans, RequestContext context, CancellationToken cancellationToken)
    {
        Calls.Add(("query", plans));
        return Task.FromResult<IReadOnlyList<PlanResult>>(plans.Select(p => answers[p.Key]()).ToArray());
    }

    /// <inheritdoc/>
    public Task<PlanResult> MutateAsync(SchemaModel model, RootPlan plan, RequestContext context, CancellationToken cancellationToken)
    {
        Calls.Add(("mutate", [plan]));
        return Task.FromResult(answers[plan.Key]());
    }

    private RecordingPlanExecutor Answer(string key, Func<PlanResult> answer)
    {
        answers[key] = answer;
        return this;
    }
}
