namespace Engine.GraphQL.Validation;

/// <summary>"Did you mean ...?" hints the way graphql-js makes them (lexical distance, at most five).</summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary><c> Did you mean "a", "b", or "c"?</c> (with a leading space), or an empty string when nothing is close.</summary>
    public static string DidYouMean(string input, IEnumerable<string> options, string prefix = "")
    {
        var matches = Closest(input, options);
        if (matches.Count == 0)
        {
            return "";
        }

        var quoted = matches.Take(MaxSuggestions).Select(m => "\"" + m + "\"").ToList();
        var list = quoted.Count switch
        {
            1 => quoted[0],
            2 => quoted[0] + " or " + quoted[1],
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", or " + quoted[^1],
        };
        return " Did you mean " + prefix + list + "?";
    }

    /// <summary>The options within a distance of about 40% of the input's length, closest first.</summary>
    public static List<string> Closest(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var lowerInput = input.ToLowerInvariant();
        var found = new List<(string Option, int Distance)>();
        foreach (var option in options)
        {
            // Cheap length filter first: the distance is at least the length difference.
            if (Math.Abs(option.Length - input.Length) > threshold)
            {
                continue;
            }

            var lower = option.ToLowerInvariant();
            var distance = lower == lowerInput ? 1 : Distance(lowerInput, lower, threshold);
            if (distance <= threshold)
            {
                found.Add((option, distance));
            }
        }

        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Option, b.Option));
        return found.ConvertAll(f => f.Option);
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment) distance; past <paramref name="limit"/> returns limit + 1.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            row[0] = i;
            var smallest = row[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, row[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                row[j] = value;
                smallest = Math.Min(smallest, value);
            }

            if (smallest > limit)
            {
                return limit + 1;
            }

            (previous2, previous, row) = (previous, row, previous2);
        }

        return previous[b.Length];
    }
}
