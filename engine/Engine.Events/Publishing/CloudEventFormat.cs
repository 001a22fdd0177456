using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Engine.Events.Conversion;
using Engine.Runtime.Events;

namespace Engine.Events.Publishing;

/// <summary>
/// A record event as a CloudEvents 1.0 structured JSON message (SPEC §5). Updates carry the extension attributes
/// <c>updatedfields</c> (comma-separated field names) and <c>previousvalues</c> (the previous record, JSON-encoded as a
/// string, since extension values must be strings); every event carries <c>resource</c>, the metadata name, so
/// receivers need no metadata to route it.
/// </summary>
public static class CloudEventFormat
{
    /// <summary>The content type of a structured CloudEvents JSON message (the NATS <c>Content-Type</c> header).</summary>
    public const string ContentType = "application/cloudevents+json";

    /// <summary>The <c>datacontenttype</c> of <c>data</c>.</summary>
    public const string DataContentType = "application/json";

    /// <summary>The format of <c>time</c>: RFC 3339 in UTC with microseconds.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    // Relaxed escaping keeps previousvalues readable ("\"" rather than "\u0022") and non-ASCII text as it is.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static readonly JsonEncodedText SpecVersion = JsonEncodedText.Encode("specversion");
    internal static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    internal static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    internal static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    internal static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
    internal static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    internal static readonly JsonEncodedText DataContentTypeName = JsonEncodedText.Encode("datacontenttype");
    internal static readonly JsonEncodedText Resource = JsonEncodedText.Encode("resource");
    internal static readonly JsonEncodedText UpdatedFields = JsonEncodedText.Encode("updatedfields");
    internal static readonly JsonEncodedText PreviousValues = JsonEncodedText.Encode("previousvalues");
    internal static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");

    /// <summary>The UTF-8 JSON message of <paramref name="recordEvent"/>.</summary>
    public static byte[] Write(RecordEvent recordEvent, ResourceEventNames names, string source)
    {
        var buffer = new ArrayBufferWriter<byte>(recordEvent.Data.Length * 2 + 512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(SpecVersion, "1.0");
            writer.WriteString(Id, recordEvent.Id);
            writer.WriteString(Source, source);
            writer.WriteString(Type, names.Type(recordEvent.Action));
            writer.WriteString(Subject, recordEvent.RecordId);
            writer.WriteString(Time, recordEvent.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            writer.WriteString(DataContentTypeName, DataContentType);
            writer.WriteString(Resource, recordEvent.Resource);
            if (recordEvent.Action == RecordAction.Updated)
            {
                writer.WriteString(UpdatedFields, string.Join(',', recordEvent.UpdatedFields));
                if (recordEvent.PreviousValues is { } previous)
                {
                    writer.WriteString(PreviousValues, Encoding.UTF8.GetString(previous.Span));
                }
            }

            writer.WritePropertyName(Data);
            writer.WriteRawValue(recordEvent.Data.Span, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
