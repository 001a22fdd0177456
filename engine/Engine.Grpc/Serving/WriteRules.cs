using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Engine.Query.Plans;
using Engine.Query.Validation;

namespace Engine.Grpc.Serving;

/// <summary>
/// Field rules (min/max, maxLength, pattern, enum values, decimal precision) checked on a decoded Create/Update before
/// any SQL runs — the same <see cref="FieldRules"/> GraphQL applies — so a gRPC client gets INVALID_ARGUMENT with a
/// violation per field instead of a database error.
/// </summary>
internal static class WriteRules
{
    /// <summary>The broken rules of <paramref name="data"/>, each at <c>&lt;resource_snake&gt;.&lt;field&gt;</c>.</summary>
    public static IReadOnlyList<FieldViolation> Check(ResourceModel resource, WriteData data)
    {
        List<FieldViolation>? violations = null;
        List<string>? problems = null;
        foreach (var value in data.Values)
        {
            problems ??= [];
            problems.Clear();
            FieldRules.Check(value.Field, value.Value, problems);
            foreach (var problem in problems)
            {
                violations ??= [];
                var field = ProtoNames.Field(value.Field) ?? value.Field.Name;
                violations.Add(new FieldViolation(NameConventions.ToSnakeCase(resource.Name) + "." + field, problem));
            }
        }

        return violations ?? (IReadOnlyList<FieldViolation>)[];
    }
}
