using System.Text.Json;

namespace Engine.Query.Plans;

/// <summary>A value of a <c>Json</c> field as JSON text, so SQL binds it as <c>jsonb</c> rather than text.</summary>
/// <param name="Text">Valid JSON.</param>
public sealed record JsonText(string Text)
{
    /// <summary>True when <paramref name="text"/> is one well-formed JSON value.</summary>
    public static bool IsValid(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
