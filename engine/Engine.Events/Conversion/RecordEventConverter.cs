using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Engine.Events.Outbox;
using Engine.Metadata.Model;
using Engine.Runtime.Events;

namespace Engine.Events.Conversion;

/// <summary>
/// Turns outbox rows of one resource into <see cref="RecordEvent"/>s in the API's JSON shape (keys: field names in
/// resource order, a to-one relation as its foreign key id; values in Engine.Sql's forms). Compiled once per
/// <see cref="ResourceModel"/> object, which a snapshot reuses while the resource is unchanged.
/// </summary>
/// <remarks>
/// <c>to_jsonb</c> writes a row's keys in jsonb's order (shorter names first, then bytewise), so the converter
/// precomputes that order and matches each key of a row against the one expected next; only a row whose columns differ
/// from the model (written before a field was added or removed) falls back to a lookup by column name. Columns the
/// model does not know are ignored; fields the row lacks are null.
/// </remarks>
public sealed class RecordEventConverter
{
    private static readonly ConditionalWeakTable<ResourceModel, RecordEventConverter> Compiled = [];

    private readonly OutputField[] outputs;
    private readonly byte[][] columnsInRowOrder;
    private readonly int[] outputAtRowPosition;
    private readonly FrozenDictionary<string, int> rowPositionByColumn;

    private RecordEventConverter(ResourceModel resource)
    {
        Resource = resource;
        Names = new ResourceEventNames(resource.Name);
        outputs = [.. resource.Fields
            .Where(f => f.Kind != FieldKind.ToMany && f.Column is not null)
            .Select(f => new OutputField(JsonEncodedText.Encode(f.Name), f.Name, f.Column!, f.Scalar, f.IsSystem))];
        var rowOrder = Enumerable.Range(0, outputs.Length)
            .OrderBy(i => Encoding.UTF8.GetByteCount(outputs[i].Column))
            .ThenBy(i => outputs[i].Column, StringComparer.Ordinal)
            .ToArray();
        columnsInRowOrder = [.. rowOrder.Select(i => Encoding.UTF8.GetBytes(outputs[i].Column))];
        outputAtRowPosition = rowOrder;
        rowPositionByColumn = Enumerable.Range(0, rowOrder.Length)
            .ToFrozenDictionary(p => outputs[rowOrder[p]].Column, StringComparer.Ordinal);
    }

    /// <summary>The resource this converter was compiled for.</summary>
    public ResourceModel Resource { get; }

    /// <summary>The resource's subjects and CloudEvents types.</summary>
    public ResourceEventNames Names { get; }

    /// <summary>The converter of <paramref name="resource"/>, compiled on first use.</summary>
    public static RecordEventConverter For(ResourceModel resource) =>
        Compiled.GetValue(resource, static r => new RecordEventConverter(r));

    /// <summary>Converts one outbox row of this resource; throws <see cref="FormatException"/> for a row that is not a valid outbox row.</summary>
    public RecordEvent Convert(OutboxRow row)
    {
        switch (row.Operation)
        {
            case 'I':
            {
                var after = Scan(Required(row.NewRow, row, "new_row"));
                return Event(row, RecordAction.Created, Write(after), null, []);
            }

            case 'U':
            {
                var before = Scan(Required(row.OldRow, row, "old_row"));
                var after = Scan(Required(row.NewRow, row, "new_row"));
                return Event(row, RecordAction.Updated, Write(after), Write(before), UpdatedFields(before, after));
            }

            case 'D':
            {
                var before = Scan(Required(row.OldRow, row, "old_row"));
                return Event(row, RecordAction.Deleted, Write(before), null, []);
            }

            default:
                throw new FormatException($"outbox row {row.Seq}: unknown operation '{row.Operation}'");
        }
    }

    private RecordEvent Event(OutboxRow row, RecordAction action, byte[] data, ReadOnlyMemory<byte>? previous, IReadOnlyList<string> updatedFields) =>
        new(row.EventId, Resource.Name, action, row.RecordId, row.CommittedAt, data, previous, updatedFields);

    private static byte[] Required(byte[]? json, OutboxRow row, string column) =>
        json ?? throw new FormatException($"outbox row {row.Seq}: {column} is null for operation '{row.Operation}'");

    /// <summary>
    /// The user fields (system fields excluded: <c>updatedAt</c> changes on every write) whose stored value differs.
    /// jsonb prints equal values identically, so comparing the raw text is comparing the values.
    /// </summary>
    private string[] UpdatedFields(ScannedRow before, ScannedRow after)
    {
        List<string>? changed = null;
        for (var i = 0; i < outputs.Length; i++)
        {
            if (!outputs[i].IsSystem && !before.Raw(i).SequenceEqual(after.Raw(i)))
            {
                (changed ??= []).Add(outputs[i].Name);
            }
        }

        return changed is null ? [] : [.. changed];
    }

    /// <summary>Finds each output field's raw value in the row: one pass, matching keys in the expected order.</summary>
    private ScannedRow Scan(byte[] json)
    {
        var values = new Range[outputs.Length];
        var tokens = new JsonTokenType[outputs.Length];
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("an outbox row is not a JSON object");
            }

            var expected = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var output = -1;
                if (expected < columnsInRowOrder.Length && reader.ValueTextEquals(columnsInRowOrder[expected]))
                {
                    output = outputAtRowPosition[expected++];
                }
                else if (rowPositionByColumn.TryGetValue(reader.GetString()!, out var position))
                {
                    output = outputAtRowPosition[position];
                    expected = position + 1;
                }

                reader.Read();
                var start = (int)reader.TokenStartIndex;
                var token = reader.TokenType;
                reader.Skip();
                if (output >= 0)
                {
                    values[output] = new Range(start, (int)reader.BytesConsumed);
                    tokens[output] = token;
                }
            }
        }
        catch (JsonException e)
        {
            throw new FormatException("an outbox row is not valid JSON: " + e.Message, e);
        }

        return new ScannedRow(json, values, tokens);
    }

    private byte[] Write(ScannedRow row)
    {
        var buffer = new ArrayBufferWriter<byte>(row.Json.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            Span<byte> scratch = stackalloc byte[Math.Max(TimestampText.MaxLength, FloatText.MaxLength)];
            for (var i = 0; i < outputs.Length; i++)
            {
                writer.WritePropertyName(outputs[i].Key);
                WriteValue(writer, outputs[i].Scalar, row.Token(i), row.Raw(i), scratch);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes one raw jsonb value in Engine.Sql's form for its scalar kind.</summary>
    private static void WriteValue(Utf8JsonWriter writer, ScalarKind kind, JsonTokenType token, ReadOnlySpan<byte> raw, Span<byte> scratch)
    {
        if (raw.IsEmpty || token == JsonTokenType.Null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (kind)
        {
            // bigint and numeric print the same digits in jsonb as with ::text; "NaN" is already a string.
            case ScalarKind.Long or ScalarKind.Decimal when token == JsonTokenType.Number:
                writer.WriteStringValue(raw);
                return;
            case ScalarKind.Float when token == JsonTokenType.Number && FloatText.TryFormat(raw, scratch, out var floatLength):
                writer.WriteRawValue(scratch[..floatLength], skipInputValidation: true);
                return;
            // A timestamp's text has no escapes, so the bytes between the quotes are its value.
            case ScalarKind.DateTime when token == JsonTokenType.String && TimestampText.IsInfinity(raw[1..^1]):
                writer.WriteNullValue();
                return;
            case ScalarKind.DateTime when token == JsonTokenType.String && TimestampText.TryFormatUtc(raw[1..^1], scratch, out var timeLength):
                writer.WriteStringValue(scratch[..timeLength]);
                return;
            default:
                writer.WriteRawValue(raw, skipInputValidation: true);
                return;
        }
    }

    /// <summary>One output key: the field's name, its column and how its value is rendered.</summary>
    private readonly record struct OutputField(JsonEncodedText Key, string Name, string Column, ScalarKind Scalar, bool IsSystem);

    /// <summary>Where each output field's value sits in a row's JSON text (an empty range when the row lacks it).</summary>
    private readonly record struct ScannedRow(byte[] Json, Range[] Values, JsonTokenType[] Tokens)
    {
        public ReadOnlySpan<byte> Raw(int output) => Json.AsSpan(Values[output]);

        public JsonTokenType Token(int output) => Tokens[output];
    }
}
