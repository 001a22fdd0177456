using System.Text.Json;
using System.Text.RegularExpressions;

namespace Engine.Auth.Admin;

/// <summary>Reads the shared parts of client and user bodies (roles, claims, strings), collecting errors with their paths.</summary>
internal static partial class PrincipalJson
{
    /// <summary>Claims a token sets itself; a principal's own claims may not shadow them.</summary>
    private static readonly HashSet<string> ReservedClaims = new(StringComparer.Ordinal)
    {
        "sub", "name", "role", "roles", "iss", "aud", "exp", "nbf", "iat", "jti", "scope", "client_id", "azp", "oi_prst", "oi_au_id",
        "oi_tkn_id", "oi_scp", "oi_rsrc", "oi_crt_dt", "oi_exp_dt", "typ", "nonce", "at_hash", "c_hash", "auth_time",
    };

    public static string? String(JsonElement body, string name, List<BodyError> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new BodyError(name, $"'{name}' must be a string"));
            return null;
        }

        return value.GetString();
    }

    public static bool? Boolean(JsonElement body, string name, List<BodyError> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new BodyError(name, $"'{name}' must be true or false"));
            return null;
        }

        return value.GetBoolean();
    }

    /// <summary>An array of strings each accepted by <paramref name="check"/> (which returns an error message or null).</summary>
    public static string[] Strings(JsonElement body, string name, Func<string, string?> check, List<BodyError> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new BodyError(name, $"'{name}' must be an array of strings"));
            return [];
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var problem = item.ValueKind == JsonValueKind.String ? check(item.GetString()!) : "must be a string";
            if (problem is null)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                errors.Add(new BodyError($"{name}[{index}]", problem));
            }

            index++;
        }

        return [.. items.Distinct(StringComparer.Ordinal)];
    }

    public static string[] Roles(JsonElement body, List<BodyError> errors) =>
        Strings(body, "roles", role => RoleName().IsMatch(role) ? null : "a role is a letter followed by letters, digits, '_' or '-'", errors);

    public static Dictionary<string, string> Claims(JsonElement body, List<BodyError> errors)
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!body.TryGetProperty("claims", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return claims;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new BodyError("claims", "'claims' must be an object of string values, e.g. {\"tenant\": \"acme\"}"));
            return claims;
        }

        foreach (var claim in value.EnumerateObject())
        {
            var path = $"claims.{claim.Name}";
            if (!ClaimName().IsMatch(claim.Name))
            {
                errors.Add(new BodyError(path, "a claim name is a letter followed by letters, digits, '_', '-', '.' or ':'"));
            }
            else if (ReservedClaims.Contains(claim.Name))
            {
                errors.Add(new BodyError(path, $"'{claim.Name}' is set by the server and cannot be a custom claim"));
            }
            else if (claim.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new BodyError(path, "a claim's value must be a string"));
            }
            else
            {
                claims[claim.Name] = claim.Value.GetString()!;
            }
        }

        return claims;
    }

    /// <summary>A client id or username: URL-safe, at most 100 characters.</summary>
    public static string? CheckName(string? name, string field) =>
        name is not null && PrincipalName().IsMatch(name)
            ? null
            : $"'{field}' is 1 to 100 letters, digits, '.', '_', '-' or '@', starting with a letter or digit";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex RoleName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.:-]{0,63}$")]
    private static partial Regex ClaimName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")]
    private static partial Regex PrincipalName();
}
