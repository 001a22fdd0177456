using System.Globalization;
using System.Text;
using System.Text.Json;
using Engine.Events.Conversion;
using Engine.Events.Publishing;
using Engine.Runtime.Events;

namespace Engine.Events.Feed;

/// <summary>Reads a CloudEvents message written by <see cref="CloudEventFormat"/> back into a <see cref="RecordEvent"/>.</summary>
public static class CloudEventReader
{
    /// <summary>The event in <paramref name="message"/>, or false with the reason when it is not one of ours.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out RecordEvent? recordEvent, out string? error)
    {
        recordEvent = null;
        try
        {
            var reader = new Utf8JsonReader(message);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "the message is not a JSON object";
                return false;
            }

            if (Text(root, "specversion") != "1.0")
            {
                error = "specversion is not \"1.0\"";
                return false;
            }

            if (!Guid.TryParse(Text(root, "id"), out var id))
            {
                error = "id is not a UUID";
                return false;
            }

            var type = Text(root, "type");
            var lastDot = type?.LastIndexOf('.') ?? -1;
            if (type is null || !type.StartsWith("engine.", StringComparison.Ordinal) || lastDot < 0
                || !ResourceEventNames.TryParseAction(type.AsSpan(lastDot + 1), out var action))
            {
                error = "type is not engine.<resource>.<created|updated|deleted>";
                return false;
            }

            if (Text(root, "resource") is not { Length: > 0 } resource)
            {
                error = "resource is missing";
                return false;
            }

            if (!Guid.TryParse(Text(root, "subject"), out var recordId))
            {
                error = "subject is not a record id";
                return false;
            }

            if (!DateTimeOffset.TryParse(Text(root, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                error = "time is not an RFC 3339 timestamp";
                return false;
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                error = "data is not a JSON object";
                return false;
            }

            ReadOnlyMemory<byte>? previous = null;
            IReadOnlyList<string> updatedFields = [];
            if (action == RecordAction.Updated)
            {
                if (Text(root, "previousvalues") is { } previousText)
                {
                    previous = Encoding.UTF8.GetBytes(previousText);
                }

                if (Text(root, "updatedfields") is { Length: > 0 } fields)
                {
                    updatedFields = fields.Split(',');
                }
            }

            recordEvent = new RecordEvent(id, resource, action, recordId, time, Encoding.UTF8.GetBytes(data.GetRawText()), previous, updatedFields);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = "the message is not valid JSON: " + e.Message;
            return false;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
