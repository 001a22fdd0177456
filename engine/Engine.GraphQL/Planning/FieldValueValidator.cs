using Engine.GraphQL.Schema;
using Engine.Metadata.Model;
using Engine.Query.Validation;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Checks a GraphQL input value against its field's rules before any SQL runs (<see cref="FieldRules"/>, shared with
/// gRPC), reporting each broken rule at the value's input path.
/// </summary>
internal static class FieldValueValidator
{
    /// <summary>Reports every rule <paramref name="value"/> breaks; returns whether it passed.</summary>
    public static bool Validate(FieldModel field, object? value, InputPath path, PlanningErrors errors)
    {
        var problems = new List<string>(0);
        FieldRules.Check(field, value is GqlEnumValue enumValue ? enumValue.Name : value, problems);
        foreach (var problem in problems)
        {
            errors.BadInput($"{path}: {problem}", path);
        }

        return problems.Count == 0;
    }
}
