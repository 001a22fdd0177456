using Engine.Metadata.Definitions;
using Engine.Metadata.Model;

namespace Engine.MetadataStore.Store;

/// <summary>
/// Gives the values of a definition's Enum fields their protobuf numbers (<see cref="EnumValueNumbering"/>) and tells
/// which numbers are given for the first time, so the version that introduces a value records its number.
/// </summary>
internal static class EnumValueNumberAssignment
{
    /// <summary>
    /// The numbers given for the first time to the values of <paramref name="definition"/>, which replaces
    /// <paramref name="stored"/> (null when new); <paramref name="everUsed"/> (field name → every number it used) is
    /// updated with them. The stored definition's values are numbered first: any it has without a stored number were
    /// served under declared-order numbers (<see cref="EnumValueNumbering"/>), and this records exactly those.
    /// </summary>
    public static IReadOnlyList<(string Field, EnumValueNumber Number)> Assign(
        ResourceDefinition definition, ResourceDefinition? stored, Dictionary<string, List<EnumValueNumber>> everUsed)
    {
        var assigned = new List<(string Field, EnumValueNumber Number)>();
        if (stored is not null)
        {
            AssignTo(stored, everUsed, assigned);
        }

        AssignTo(definition, everUsed, assigned);
        return assigned;
    }

    private static void AssignTo(
        ResourceDefinition definition, Dictionary<string, List<EnumValueNumber>> everUsed, List<(string Field, EnumValueNumber Number)> assigned)
    {
        foreach (var field in definition.Fields)
        {
            if (field.Type != FieldTypes.Enum || field.Values is not { } values)
            {
                continue;
            }

            if (!everUsed.TryGetValue(field.Name, out var used))
            {
                everUsed[field.Name] = used = [];
            }

            var known = used.Select(n => n.Value).ToHashSet(StringComparer.Ordinal);
            var fresh = EnumValueNumbering.Number(values, used).Where(n => known.Add(n.Value)).ToArray();
            used.AddRange(fresh);
            assigned.AddRange(fresh.Select(n => (field.Name, n)));
        }
    }
}
