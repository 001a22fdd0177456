using System.Text.Json;
using Engine.Metadata.Definitions;

namespace Engine.Metadata.Validation.Rules;

/// <summary>
/// The keys of an access rule's <c>where</c> are OpenCRUD WhereInput keys of the resource: a field, a field with a
/// filter suffix (<c>total_gte</c>), a to-one relation holding the target's WhereInput, a to-many relation with
/// <c>_some</c>/<c>_every</c>/<c>_none</c>, or <c>AND</c>/<c>OR</c>/<c>NOT</c>.
/// </summary>
internal sealed class AccessWhereIsValid : IMetadataRule
{
    private static readonly string[] ScalarFilters =
    [
        "not_in", "in", "not", "lte", "lt", "gte", "gt", "not_contains", "contains",
        "not_starts_with", "starts_with", "not_ends_with", "ends_with",
    ];

    private static readonly string[] ToManyFilters = ["some", "every", "none"];

    public void Check(ValidationContext context)
    {
        var rules = context.Resource.Access;
        for (var k = 0; k < rules.Count; k++)
        {
            if (rules[k].Where is { ValueKind: JsonValueKind.Object } where)
            {
                CheckWhere(context, context.Resource, where, $"access[{k}].where");
            }
        }
    }

    private static void CheckWhere(ValidationContext context, ResourceDefinition resource, JsonElement where, string path)
    {
        foreach (var property in where.EnumerateObject())
        {
            var at = path + "." + property.Name;
            if (property.Name is "AND" or "OR" or "NOT")
            {
                CheckCombination(context, resource, property.Value, at);
            }
            else if (FieldOf(resource, property.Name) is { } field)
            {
                CheckFieldFilter(context, field, property.Value, at);
            }
            else if (!IsSuffixedFilter(context, resource, property.Name, property.Value, at))
            {
                context.Report(at, $"'{property.Name}' is not a field or filter of '{resource.Name}'; use a field name, "
                    + "a field with a suffix such as '_in' or '_gte', a to-many relation with '_some', '_every' or '_none', or AND, OR, NOT.");
            }
        }
    }

    private static void CheckCombination(ValidationContext context, ResourceDefinition resource, JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckWhere(context, resource, value, at);
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            context.Report(at, "AND, OR and NOT take a list of WhereInput objects.");
            return;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                CheckWhere(context, resource, item, $"{at}[{i}]");
            }
            else
            {
                context.Report($"{at}[{i}]", "AND, OR and NOT take a list of WhereInput objects.");
            }

            i++;
        }
    }

    /// <summary>A bare field key: a value for a scalar, a nested WhereInput for a to-one relation.</summary>
    private static void CheckFieldFilter(ValidationContext context, FieldDefinition field, JsonElement value, string at)
    {
        if (!FieldShapes.IsRelation(field))
        {
            return;
        }

        if (FieldShapes.IsToMany(field))
        {
            context.Report(at, $"The to-many relation '{field.Name}' is filtered with '{field.Name}_some', '{field.Name}_every' or '{field.Name}_none'.");
        }
        else if (value.ValueKind == JsonValueKind.Object && context.All.Find(field.Target) is { } target)
        {
            CheckWhere(context, target, value, at);
        }
    }

    private static bool IsSuffixedFilter(ValidationContext context, ResourceDefinition resource, string key, JsonElement value, string at)
    {
        foreach (var suffix in ToManyFilters)
        {
            if (key.EndsWith("_" + suffix, StringComparison.Ordinal)
                && FieldOf(resource, key[..^(suffix.Length + 1)]) is { } field && FieldShapes.IsToMany(field))
            {
                if (value.ValueKind == JsonValueKind.Object && context.All.Find(field.Target) is { } target)
                {
                    CheckWhere(context, target, value, at);
                }

                return true;
            }
        }

        foreach (var suffix in ScalarFilters)
        {
            if (key.EndsWith("_" + suffix, StringComparison.Ordinal)
                && FieldOf(resource, key[..^(suffix.Length + 1)]) is { } field && !FieldShapes.IsRelation(field))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The declared field named <paramref name="name"/>, a scalar stand-in for a system field (filters treat them
    /// alike), or null.
    /// </summary>
    private static FieldDefinition? FieldOf(ResourceDefinition resource, string name) =>
        FieldShapes.SystemFields.Contains(name)
            ? new FieldDefinition { Name = name, Type = FieldTypes.String }
            : resource.Fields.FirstOrDefault(f => f.Name == name);
}
