using System.Text.Json;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// An access rule names a role, grants a non-empty set of the actions read/create/update/delete, limits fields
/// only to existing ones, and gives <c>where</c> as an object (its content is checked by <see cref="AccessWhereIsValid"/>).
/// </summary>
internal sealed class AccessRulesAreValid : IMetadataRule
{
    private static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal) { "read", "create", "update", "delete" };

    public void Check(ValidationContext context)
    {
        var rules = context.Resource.Access;
        for (var k = 0; k < rules.Count; k++)
        {
            var rule = rules[k];
            if (string.IsNullOrWhiteSpace(rule.Role))
            {
                context.Report($"access[{k}].role", "The access rule names no role; set 'role' to the role it grants to, e.g. \"accountant\".");
            }

            CheckActions(context, k, rule.Actions);
            CheckFields(context, k, rule.Fields);
            if (rule.Where is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
            {
                context.Report($"access[{k}].where", "The access rule's 'where' must be an object (a WhereInput such as {\"customer\": {\"id\": \"$claims.sub\"}}).");
            }
        }
    }

    private static void CheckActions(ValidationContext context, int k, IReadOnlyList<string> actions)
    {
        if (actions.Count == 0)
        {
            context.Report($"access[{k}].actions", "The access rule grants no actions; list at least one of read, create, update, delete.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var m = 0; m < actions.Count; m++)
        {
            if (!Actions.Contains(actions[m]))
            {
                context.Report($"access[{k}].actions[{m}]", $"'{actions[m]}' is not an action; use read, create, update or delete.");
            }
            else if (!seen.Add(actions[m]))
            {
                context.Report($"access[{k}].actions[{m}]", $"The action '{actions[m]}' is listed twice; list each action once.");
            }
        }
    }

    private static void CheckFields(ValidationContext context, int k, IReadOnlyList<string>? fields)
    {
        if (fields is null)
        {
            return;
        }

        for (var m = 0; m < fields.Count; m++)
        {
            if (context.Field(fields[m]) is null && !FieldShapes.SystemFields.Contains(fields[m]))
            {
                context.Report($"access[{k}].fields[{m}]", $"The access rule allows the field '{fields[m]}', which is not a field of '{context.Resource.Name}'.");
            }
        }
    }
}
