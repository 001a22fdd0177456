using System.Text.Json;
using Engine.GraphQL.Errors;

namespace Engine.GraphQL.Execution;

/// <summary>Writes a response's <c>errors</c> list (GraphQL spec §7.1.2) with <c>extensions.code</c> and <c>extensions.field</c>.</summary>
public static class ErrorWriter
{
    /// <summary>Writes <paramref name="errors"/> as a JSON array.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            Write(writer, error);
        }

        writer.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        if (error.Locations is { Count: > 0 } locations)
        {
            writer.WriteStartArray("locations");
            foreach (var location in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (error.Path is { Count: > 0 } path)
        {
            writer.WriteStartArray("path");
            foreach (var segment in path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue(segment.ToString());
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject("extensions");
        writer.WriteString("code", error.Code);
        if (error.Field is not null)
        {
            writer.WriteString("field", error.Field);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
