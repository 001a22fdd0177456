using System.Text.Json;

namespace Engine.MetadataStore.Principals;

/// <summary>Reads and writes a principal's claims as the <c>jsonb</c> object of string values they are stored as.</summary>
internal static class ClaimsJson
{
    public static string Write(IReadOnlyDictionary<string, string> claims) => JsonSerializer.Serialize(claims);

    public static IReadOnlyDictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>();
}
