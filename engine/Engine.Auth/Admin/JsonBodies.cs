using System.Text.Json;

namespace Engine.Auth.Admin;

/// <summary>Reads an admin request body: a size-limited JSON object.</summary>
internal static class JsonBodies
{
    /// <summary>Far above any client or user; larger bodies are refused unread.</summary>
    public const int MaxBytes = 64 * 1024;

    public static bool TryParseObject(byte[] json, List<BodyError> errors, out JsonElement body)
    {
        body = default;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new BodyError("", "the body must be a JSON object"));
                return false;
            }

            body = document.RootElement.Clone();
            return true;
        }
        catch (JsonException e)
        {
            errors.Add(new BodyError("", $"the body is not valid JSON: {e.Message}"));
            return false;
        }
    }
}
