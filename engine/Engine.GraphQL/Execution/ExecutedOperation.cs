using System.Globalization;
using System.Text.Json;
using Engine.GraphQL.Errors;
using Engine.GraphQL.Introspection;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.Query.Execution;

namespace Engine.GraphQL.Execution;

/// <summary>
/// The results of an operation's root fields, written as the response's <c>data</c>: each resource field's JSON is
/// spliced in exactly as PostgreSQL built it, without parsing it again.
/// </summary>
/// <param name="Schema">The schema introspection fields describe.</param>
/// <param name="Operation">The planned operation.</param>
/// <param name="Results">Per entry of <paramref name="Operation"/>, the database result of a resource field (null for other entries
/// and for fields that never ran).</param>
/// <param name="DataIsNull">True when a non-null root field failed, which makes <c>data</c> null (GraphQL spec §6.4.4).</param>
/// <param name="Errors">The field errors.</param>
/// <param name="Introspection">What introspection fields need; null when the operation has none.</param>
internal sealed record ExecutedOperation(
    GqlSchema Schema,
    PlannedOperation Operation,
    IReadOnlyList<PlanResult?> Results,
    bool DataIsNull,
    IReadOnlyList<GraphQLError> Errors,
    IntrospectionContext? Introspection)
{
    /// <summary>Writes the <c>data</c> value.</summary>
    public void WriteData(Utf8JsonWriter writer)
    {
        if (DataIsNull)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        for (var i = 0; i < Operation.Entries.Count; i++)
        {
            var entry = Operation.Entries[i];
            if (entry is IntrospectionRootEntry introspection)
            {
                IntrospectionWriter.WriteRootField(writer, Schema, introspection.Fields, Introspection!);
                continue;
            }

            writer.WritePropertyName(entry.Key);
            switch (entry)
            {
                case TypenameRootEntry typename:
                    writer.WriteStringValue(typename.TypeName);
                    break;
                case MetadataVersionRootEntry version:
                    // Long is a string scalar: JSON numbers lose precision past 2^53.
                    writer.WriteStringValue(version.Version.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    if (Results[i]?.Json is { } json)
                    {
                        writer.WriteRawValue(json.Span, skipInputValidation: true);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }

                    break;
            }
        }

        writer.WriteEndObject();
    }
}
