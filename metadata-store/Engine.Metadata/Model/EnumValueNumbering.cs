namespace Engine.Metadata.Model;

/// <summary>
/// Gives the values of an Enum field their protobuf numbers: a value keeps the number its name was ever given, a new
/// value gets one more than the highest the field ever used (in declared order), so inserting or removing a value never
/// renumbers the others and a removed value's number is never given to another name. The store persists the numbers it
/// gives; a field it has no numbers for yet (metadata written before numbers were stored) gets declared-order numbers,
/// the ones clients had before, and the store's first save of the field records exactly those.
/// </summary>
public static class EnumValueNumbering
{
    /// <summary>The numbers of <paramref name="values"/>, same order, given <paramref name="everUsed"/> for the field.</summary>
    public static IReadOnlyList<EnumValueNumber> Number(IReadOnlyList<string> values, IReadOnlyCollection<EnumValueNumber> everUsed)
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var used in everUsed)
        {
            known.TryAdd(used.Value, used.Number);
        }

        var highest = everUsed.Select(n => n.Number).DefaultIfEmpty(0).Max();
        var numbered = new EnumValueNumber[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            // A repeated value (which validation rejects) takes the number of its first occurrence.
            if (!known.TryGetValue(values[i], out var number))
            {
                known[values[i]] = number = ++highest;
            }

            numbered[i] = new EnumValueNumber(number, values[i]);
        }

        return numbered;
    }

    /// <summary>The numbers of <paramref name="everUsed"/> that no current value has, by number: they stay reserved.</summary>
    public static IReadOnlyList<EnumValueNumber> Removed(IReadOnlyList<string> values, IEnumerable<EnumValueNumber> everUsed)
    {
        var current = values.ToHashSet(StringComparer.Ordinal);
        return everUsed.Where(n => !current.Contains(n.Value)).OrderBy(n => n.Number).ToArray();
    }
}
