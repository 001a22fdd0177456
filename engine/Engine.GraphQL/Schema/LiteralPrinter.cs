using System.Text;
using System.Text.Json;
using GraphQLParser.AST;

namespace Engine.GraphQL.Schema;

/// <summary>Prints GraphQL input literals back as GraphQL text, for error messages and comparing arguments.</summary>
public static class LiteralPrinter
{
    /// <summary>The literal as GraphQL text: <c>"abc"</c>, <c>12</c>, <c>{a: [1, 2]}</c>, <c>$id</c>.</summary>
    public static string Print(GraphQLValue value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, GraphQLValue value)
    {
        switch (value)
        {
            case GraphQLStringValue s:
                sb.Append(JsonSerializer.Serialize(s.Value.ToString()));
                break;
            case GraphQLIntValue i:
                sb.Append(i.Value.Span);
                break;
            case GraphQLFloatValue f:
                sb.Append(f.Value.Span);
                break;
            case GraphQLBooleanValue b:
                sb.Append(b.BoolValue ? "true" : "false");
                break;
            case GraphQLNullValue:
                sb.Append("null");
                break;
            case GraphQLEnumValue e:
                sb.Append(e.Name.Value.Span);
                break;
            case GraphQLVariable v:
                sb.Append('$').Append(v.Name.Value.Span);
                break;
            case GraphQLListValue list:
                sb.Append('[');
                for (var k = 0; k < (list.Values?.Count ?? 0); k++)
                {
                    if (k > 0)
                    {
                        sb.Append(", ");
                    }

                    Append(sb, list.Values![k]);
                }

                sb.Append(']');
                break;
            case GraphQLObjectValue obj:
                sb.Append('{');
                for (var k = 0; k < (obj.Fields?.Count ?? 0); k++)
                {
                    if (k > 0)
                    {
                        sb.Append(", ");
                    }

                    sb.Append(obj.Fields![k].Name.Value.Span).Append(": ");
                    Append(sb, obj.Fields[k].Value);
                }

                sb.Append('}');
                break;
            default:
                sb.Append(value.Kind);
                break;
        }
    }
}
