using System.Text;

namespace Engine.Metadata.Naming;

/// <summary>Derives table, column and plural names from metadata names (SPEC §1).</summary>
public static class NameConventions
{
    /// <summary>The longest identifier PostgreSQL keeps without truncating (NAMEDATALEN - 1 bytes).</summary>
    public const int MaxIdentifierLength = 63;

    /// <summary><c>issuedOn</c> → <c>issued_on</c>, <c>InvoiceLine</c> → <c>invoice_line</c>, <c>HTTPServer</c> → <c>http_server</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var prevLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var acronymEnd = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (prevLowerOrDigit || acronymEnd)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary><c>Invoice</c> → <c>invoice</c> (the first letter lowered).</summary>
    public static string ToCamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary><c>invoice</c> → <c>Invoice</c> (the first letter raised).</summary>
    public static string ToPascalCase(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary><c>issuedOn</c> → <c>ISSUED_ON</c>, for protobuf enum value prefixes.</summary>
    public static string ToUpperSnakeCase(string name) => ToSnakeCase(name).ToUpperInvariant();

    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["Person"] = "People",
        ["Man"] = "Men",
        ["Woman"] = "Women",
        ["Child"] = "Children",
        ["Tooth"] = "Teeth",
        ["Foot"] = "Feet",
        ["Mouse"] = "Mice",
        ["Goose"] = "Geese",
    };

    /// <summary>An English plural of a PascalCase name: <c>Category</c> → <c>Categories</c>, <c>Address</c> → <c>Addresses</c>.</summary>
    public static string Pluralize(string name)
    {
        if (name.Length == 0)
        {
            return name;
        }

        // Only the last word of a PascalCase name is pluralized: InvoiceLine → InvoiceLines, SalesPerson → SalesPeople.
        var lastWordStart = name.Length - 1;
        while (lastWordStart > 0 && !char.IsUpper(name[lastWordStart]))
        {
            lastWordStart--;
        }

        var head = name[..lastWordStart];
        var word = name[lastWordStart..];
        if (Irregular.TryGetValue(word, out var irregular))
        {
            return head + irregular;
        }

        return head + PluralizeWord(word);
    }

    private static string PluralizeWord(string word)
    {
        static bool IsVowel(char c) => "aeiouAEIOU".Contains(c, StringComparison.Ordinal);

        if (word.EndsWith('y') && word.Length > 1 && !IsVowel(word[^2]))
        {
            return word[..^1] + "ies";
        }

        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z')
            || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
        {
            return word + "es";
        }

        return word + "s";
    }
}
