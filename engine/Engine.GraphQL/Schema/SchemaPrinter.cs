using System.Text;
using System.Text.Json;
using Engine.GraphQL.Introspection;

namespace Engine.GraphQL.Schema;

/// <summary>
/// Prints a schema as SDL, deterministically: the root types first, then every other type by name (ordinal); fields,
/// arguments and values in declared order. GraphQL's own scalars, the introspection types and the standard
/// directives are left out, as graphql-js's <c>printSchema</c> does.
/// </summary>
public static class SchemaPrinter
{
    /// <summary>The schema's SDL.</summary>
    public static string Print(GqlSchema schema)
    {
        var roots = new[] { schema.Query, schema.Mutation, schema.Subscription }.OfType<GqlNamedType>().ToArray();
        var others = schema.Types.Values
            .Where(t => !roots.Contains(t) && !IntrospectionTypes.IsIntrospectionName(t.Name) && !ScalarTypes.IsSpecified(t.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var type in roots.Concat(others))
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            PrintType(sb, type);
        }

        return sb.ToString();
    }

    private static void PrintType(StringBuilder sb, GqlNamedType type)
    {
        PrintDescription(sb, type.Description, "");
        switch (type)
        {
            case GqlScalarType scalar:
                sb.Append("scalar ").Append(scalar.Name);
                if (scalar.SpecifiedByUrl is not null)
                {
                    sb.Append(" @specifiedBy(url: ").Append(JsonSerializer.Serialize(scalar.SpecifiedByUrl)).Append(')');
                }

                sb.Append('\n');
                break;
            case GqlEnumType e:
                sb.Append("enum ").Append(e.Name).Append(" {\n");
                foreach (var value in e.Values)
                {
                    PrintDescription(sb, value.Description, "  ");
                    sb.Append("  ").Append(value.Name).Append('\n');
                }

                sb.Append("}\n");
                break;
            case GqlInputObjectType input:
                sb.Append("input ").Append(input.Name).Append(" {\n");
                foreach (var field in input.Fields)
                {
                    PrintInputValue(sb, field, "  ");
                    sb.Append('\n');
                }

                sb.Append("}\n");
                break;
            case GqlObjectType obj:
                sb.Append("type ").Append(obj.Name).Append(" {\n");
                foreach (var field in obj.Fields)
                {
                    PrintField(sb, field);
                }

                sb.Append("}\n");
                break;
        }
    }

    private static void PrintField(StringBuilder sb, GqlField field)
    {
        PrintDescription(sb, field.Description, "  ");
        sb.Append("  ").Append(field.Name);
        if (field.Arguments.Count > 0)
        {
            // Like graphql-js: arguments on one line unless one of them has a description.
            var multiline = field.Arguments.Any(a => a.Description is not null);
            sb.Append('(');
            for (var i = 0; i < field.Arguments.Count; i++)
            {
                if (multiline)
                {
                    sb.Append('\n');
                    PrintInputValue(sb, field.Arguments[i], "    ");
                }
                else
                {
                    sb.Append(i > 0 ? ", " : "");
                    PrintInputValue(sb, field.Arguments[i], "");
                }
            }

            sb.Append(multiline ? "\n  )" : ")");
        }

        sb.Append(": ").Append(field.Type);
        if (field.DeprecationReason is not null)
        {
            sb.Append(" @deprecated(reason: ").Append(JsonSerializer.Serialize(field.DeprecationReason)).Append(')');
        }

        sb.Append('\n');
    }

    private static void PrintInputValue(StringBuilder sb, GqlInputField value, string indent)
    {
        PrintDescription(sb, value.Description, indent);
        sb.Append(indent).Append(value.Name).Append(": ").Append(value.Type);
        if (value.DefaultValue is not null)
        {
            sb.Append(" = ").Append(value.DefaultValue);
        }
    }

    private static void PrintDescription(StringBuilder sb, string? description, string indent)
    {
        if (description is null)
        {
            return;
        }

        if (description.Contains('\n', StringComparison.Ordinal))
        {
            sb.Append(indent).Append("\"\"\"\n");
            foreach (var line in description.Split('\n'))
            {
                sb.Append(indent).Append(line.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal)).Append('\n');
            }

            sb.Append(indent).Append("\"\"\"\n");
        }
        else
        {
            sb.Append(indent).Append(JsonSerializer.Serialize(description, PrintOptions)).Append('\n');
        }
    }

    private static readonly JsonSerializerOptions PrintOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
