using System.Text.Json;
using Engine.GraphQL.Errors;
using Engine.GraphQL.Execution;
using Engine.Runtime.Events;

namespace Engine.GraphQL.Subscriptions;

/// <summary>What one matching event produced for a subscription: the event, the record before it, and the node read back.</summary>
/// <param name="Event">The event.</param>
/// <param name="PreviousValues">The record before the change (updates and deletions), when <c>previousValues</c> is selected.</param>
/// <param name="Node">The node's JSON as the database built it (<c>null</c> text when the record is gone); null when not read.</param>
/// <param name="NodeError">Why the node could not be read, if it could not.</param>
internal readonly record struct SubscriptionEventResult(RecordEvent Event, JsonElement? PreviousValues, ReadOnlyMemory<byte>? Node, GraphQLError? NodeError);

/// <summary>
/// Writes one event of a subscription as an execution result, <c>{"data":{"post":{...}}}</c>, in the payload's response
/// order: the node's JSON is spliced in as PostgreSQL built it, previous values are copied from the event's JSON.
/// </summary>
internal static class SubscriptionPayloadWriter
{
    /// <summary>Writes the execution result of <paramref name="result"/> for <paramref name="plan"/>.</summary>
    public static void Write(Utf8JsonWriter writer, SubscriptionPlan plan, SubscriptionEventResult result)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        writer.WriteStartObject(plan.Key);
        foreach (var item in plan.Payload)
        {
            writer.WritePropertyName(item.Key);
            switch (item)
            {
                case MutationPayloadItem:
                    writer.WriteStringValue(MutationName(result.Event.Action));
                    break;
                case TypenamePayloadItem typename:
                    writer.WriteStringValue(typename.TypeName);
                    break;
                case UpdatedFieldsPayloadItem:
                    WriteUpdatedFields(writer, result.Event);
                    break;
                case NodePayloadItem:
                    if (result.Node is { } node)
                    {
                        writer.WriteRawValue(node.Span, skipInputValidation: true);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }

                    break;
                case PreviousValuesPayloadItem previous:
                    WritePreviousValues(writer, previous, result.PreviousValues);
                    break;
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        if (result.NodeError is { } error)
        {
            writer.WritePropertyName("errors");
            ErrorWriter.Write(writer, [error]);
        }

        writer.WriteEndObject();
    }

    /// <summary>The <c>MutationType</c> value of an action.</summary>
    public static string MutationName(RecordAction action) => action switch
    {
        RecordAction.Created => "CREATED",
        RecordAction.Updated => "UPDATED",
        _ => "DELETED",
    };

    private static void WriteUpdatedFields(Utf8JsonWriter writer, RecordEvent recordEvent)
    {
        if (recordEvent.Action != RecordAction.Updated)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (var field in recordEvent.UpdatedFields)
        {
            writer.WriteStringValue(field);
        }

        writer.WriteEndArray();
    }

    private static void WritePreviousValues(Utf8JsonWriter writer, PreviousValuesPayloadItem item, JsonElement? record)
    {
        if (record is not { ValueKind: JsonValueKind.Object } values)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var field in item.Fields)
        {
            writer.WritePropertyName(field.Key);
            if (field.Field is null)
            {
                writer.WriteStringValue(field.TypeName);
            }
            else if (values.TryGetProperty(field.Field, out var value))
            {
                value.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
    }
}
