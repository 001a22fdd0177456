using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Engine.Query.Plans;
using GraphQLParser.AST;

namespace Engine.GraphQL.Schema;

public static partial class ScalarCoercion
{
    /// <summary>
    /// Parses a GraphQL literal (an argument or default value in the document) as the scalar named
    /// <paramref name="scalar"/>. Variables must be resolved by the caller: a <see cref="GraphQLVariable"/> here,
    /// even nested in a Json literal, is an error.
    /// </summary>
    public static bool TryCoerceLiteral(string scalar, GraphQLValue literal, out object? value, [NotNullWhen(false)] out string? error)
    {
        if (literal is GraphQLNullValue)
        {
            return Ok(null, out value, out error);
        }

        return (scalar, literal) switch
        {
            (ScalarTypes.Id, GraphQLStringValue s) => ParseId(s.Value.ToString(), out value, out error),
            (ScalarTypes.String, GraphQLStringValue s) => Ok(s.Value.ToString(), out value, out error),
            (ScalarTypes.Int, GraphQLIntValue i) => ParseInt(i.Value.ToString(), out value, out error),
            (ScalarTypes.Long, GraphQLIntValue i) => ParseLong(i.Value.ToString(), out value, out error),
            (ScalarTypes.Long, GraphQLStringValue s) => ParseLong(s.Value.ToString(), out value, out error),
            (ScalarTypes.Float, GraphQLIntValue i) => ParseFloat(i.Value.ToString(), out value, out error),
            (ScalarTypes.Float, GraphQLFloatValue f) => ParseFloat(f.Value.ToString(), out value, out error),
            (ScalarTypes.Decimal, GraphQLIntValue i) => ParseDecimal(i.Value.ToString(), out value, out error),
            (ScalarTypes.Decimal, GraphQLFloatValue f) => ParseDecimal(f.Value.ToString(), out value, out error),
            (ScalarTypes.Decimal, GraphQLStringValue s) => ParseDecimal(s.Value.ToString(), out value, out error),
            (ScalarTypes.Boolean, GraphQLBooleanValue b) => Ok(b.BoolValue, out value, out error),
            (ScalarTypes.DateTime, GraphQLStringValue s) => ParseDateTime(s.Value.ToString(), out value, out error),
            (ScalarTypes.Date, GraphQLStringValue s) => ParseDate(s.Value.ToString(), out value, out error),
            (ScalarTypes.Json, _) => LiteralToJson(literal, out value, out error),
            _ when !IsScalar(scalar) => Unknown(scalar, out value, out error),
            _ => Fail($"{scalar} cannot represent {Describe(literal)}: {LiteralPrinter.Print(literal)}", out value, out error),
        };
    }

    private static string Describe(GraphQLValue literal) => literal switch
    {
        GraphQLStringValue => "a string",
        GraphQLIntValue => "an integer",
        GraphQLFloatValue => "a non-integer number",
        GraphQLBooleanValue => "a boolean",
        GraphQLEnumValue => "an enum value",
        GraphQLListValue => "a list",
        GraphQLObjectValue => "an object",
        GraphQLVariable => "a variable here",
        _ => "this value",
    };

    private static bool LiteralToJson(GraphQLValue literal, out object? value, [NotNullWhen(false)] out string? error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (!WriteJson(writer, literal, out error))
            {
                value = null;
                return false;
            }
        }

        return Ok(new JsonText(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)), out value, out error);
    }

    private static bool WriteJson(Utf8JsonWriter writer, GraphQLValue literal, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (literal)
        {
            case GraphQLNullValue:
                writer.WriteNullValue();
                return true;
            case GraphQLStringValue s:
                writer.WriteStringValue(s.Value.Span);
                return true;
            case GraphQLBooleanValue b:
                writer.WriteBooleanValue(b.BoolValue);
                return true;
            case GraphQLEnumValue e:
                // An unquoted name in a Json literal is its text, the way GraphQL clients print enum-like strings.
                writer.WriteStringValue(e.Name.Value.Span);
                return true;
            case GraphQLIntValue or GraphQLFloatValue:
                var text = literal is GraphQLIntValue i ? i.Value.ToString() : ((GraphQLFloatValue)literal).Value.ToString();
                writer.WriteRawValue(text);
                return true;
            case GraphQLListValue list:
                writer.WriteStartArray();
                foreach (var item in list.Values ?? [])
                {
                    if (!WriteJson(writer, item, out error))
                    {
                        return false;
                    }
                }

                writer.WriteEndArray();
                return true;
            case GraphQLObjectValue obj:
                writer.WriteStartObject();
                foreach (var field in obj.Fields ?? [])
                {
                    writer.WritePropertyName(field.Name.Value.Span);
                    if (!WriteJson(writer, field.Value, out error))
                    {
                        return false;
                    }
                }

                writer.WriteEndObject();
                return true;
            default:
                error = "Json cannot represent a variable inside a literal: pass the whole value as a variable instead.";
                return false;
        }
    }
}
