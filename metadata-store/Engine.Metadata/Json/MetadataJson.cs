using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Engine.Metadata.Definitions;
using Engine.Metadata.Validation;

namespace Engine.Metadata.Json;

/// <summary>
/// Reads and writes the metadata JSON format (SPEC §1, §2). Reading is strict — unknown properties, repeated
/// properties, wrong kinds and malformed JSON are rejected — and never throws for bad input: every problem comes
/// back as a <see cref="ValidationError"/> with its path (<c>fields[0].maxLen</c>).
/// </summary>
public static class MetadataJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// The serializer options of the format: property names as the definitions' attributes give them, unknown
    /// properties rejected, nulls, <c>false</c> and empty lists of definitions left out when writing. Read-only; share it.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Parses one resource definition.</summary>
    public static MetadataParseResult<ResourceDefinition> ParseResource(string json) => Parse<ResourceDefinition>(() => JsonDocument.Parse(json, DocumentOptions));

    /// <summary>Parses one resource definition from UTF-8 bytes.</summary>
    public static MetadataParseResult<ResourceDefinition> ParseResource(ReadOnlyMemory<byte> utf8Json) => Parse<ResourceDefinition>(() => JsonDocument.Parse(utf8Json, DocumentOptions));

    /// <summary>Parses one resource definition from a stream (e.g. a request body).</summary>
    public static Task<MetadataParseResult<ResourceDefinition>> ParseResourceAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        ParseAsync<ResourceDefinition>(utf8Json, cancellationToken);

    /// <summary>Parses a whole document, <c>{"version": 12, "resources": [...]}</c>; the version is optional.</summary>
    public static MetadataParseResult<MetadataDocument> ParseDocument(string json) => Parse<MetadataDocument>(() => JsonDocument.Parse(json, DocumentOptions));

    /// <summary>Parses a whole document from UTF-8 bytes.</summary>
    public static MetadataParseResult<MetadataDocument> ParseDocument(ReadOnlyMemory<byte> utf8Json) => Parse<MetadataDocument>(() => JsonDocument.Parse(utf8Json, DocumentOptions));

    /// <summary>Parses a whole document from a stream (e.g. a request body).</summary>
    public static Task<MetadataParseResult<MetadataDocument>> ParseDocumentAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        ParseAsync<MetadataDocument>(utf8Json, cancellationToken);

    /// <summary>Writes a resource definition as compact JSON.</summary>
    public static string Serialize(ResourceDefinition resource) => JsonSerializer.Serialize(resource, TypeInfo<ResourceDefinition>());

    /// <summary>Writes a whole document as compact JSON.</summary>
    public static string Serialize(MetadataDocument document) => JsonSerializer.Serialize(document, TypeInfo<MetadataDocument>());

    /// <summary>Writes a resource definition as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(ResourceDefinition resource) => JsonSerializer.SerializeToUtf8Bytes(resource, TypeInfo<ResourceDefinition>());

    /// <summary>Writes a whole document as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(MetadataDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, TypeInfo<MetadataDocument>());

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static MetadataParseResult<T> Parse<T>(Func<JsonDocument> parse)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException e)
        {
            return MetadataParseResult<T>.Failed([Malformed(e)]);
        }

        using (document)
        {
            return Read<T>(document.RootElement);
        }
    }

    private static async Task<MetadataParseResult<T>> ParseAsync<T>(Stream utf8Json, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(utf8Json, DocumentOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return MetadataParseResult<T>.Failed([Malformed(e)]);
        }

        using (document)
        {
            return Read<T>(document.RootElement);
        }
    }

    private static MetadataParseResult<T> Read<T>(JsonElement root)
        where T : class
    {
        var typeInfo = TypeInfo<T>();
        var errors = new List<ValidationError>();
        JsonShapeChecker.Check(root, typeInfo, "", errors);
        if (errors.Count > 0)
        {
            return MetadataParseResult<T>.Failed(errors);
        }

        try
        {
            return new MetadataParseResult<T>(root.Deserialize(typeInfo), []);
        }
        catch (JsonException e)
        {
            // The shape check should have caught it; keep the promise that bad input never throws.
            return MetadataParseResult<T>.Failed([new ValidationError(ToApiPath(e.Path), WithoutLocation(e.Message))]);
        }
    }

    private static ValidationError Malformed(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return new ValidationError("", $"The input is not valid JSON: {WithoutLocation(e.Message)}{where}.");
    }

    /// <summary>The serializer's <c>$.fields[0].type</c> in the API's format: <c>fields[0].type</c>.</summary>
    private static string ToApiPath(string? path) =>
        path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>Drops the " LineNumber: 0 | BytePositionInLine: 3." tail the reader appends; the message says it in words.</summary>
    private static string WithoutLocation(string message)
    {
        var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var pathTail = message.IndexOf(" Path:", StringComparison.Ordinal);
        var cut = new[] { tail, pathTail }.Where(i => i >= 0).DefaultIfEmpty(message.Length).Min();
        return message[..cut].TrimEnd('.', ' ');
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitUnsetDefinitionMembers } },
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,

            // Patterns and descriptions are read by admins: keep '+', '<', '&' and non-ASCII letters as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The types of a definition, whose unset members are left out when writing.</summary>
    private static readonly HashSet<Type> DefinitionTypes =
        [typeof(ResourceDefinition), typeof(FieldDefinition), typeof(IndexDefinition), typeof(AccessRuleDefinition)];

    /// <summary>
    /// Leaves nulls, <c>false</c> and empty lists out of definitions, so a written definition reads like one an
    /// admin would write. Other types written with these options (a document, API answers) keep every member:
    /// there an empty list or a 0 means something.
    /// </summary>
    private static void OmitUnsetDefinitionMembers(JsonTypeInfo typeInfo)
    {
        if (!DefinitionTypes.Contains(typeInfo.Type))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            property.ShouldSerialize = static (_, value) => value switch
            {
                null or false => false,
                string => true,
                IEnumerable items => items.GetEnumerator().MoveNext(),
                _ => true,
            };
        }
    }
}
