using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Engine.Metadata.Validation;

namespace Engine.Metadata.Json;

/// <summary>
/// Walks parsed JSON against the serializer's contract for the target type and reports every unknown property,
/// repeated property, null where none is allowed and value of the wrong kind, each at its path. The serializer
/// itself stops at the first problem and words it for .NET developers; this reports all of them for admins.
/// </summary>
internal static class JsonShapeChecker
{
    /// <summary>Checks <paramref name="value"/> against <paramref name="typeInfo"/>; problems go to <paramref name="errors"/>.</summary>
    public static void Check(JsonElement value, JsonTypeInfo typeInfo, string path, List<ValidationError> errors)
    {
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(value, typeInfo, path, errors);
                break;
            case JsonTypeInfoKind.Enumerable:
                CheckArray(value, typeInfo, path, errors);
                break;
            default:
                if (Expected(typeInfo.Type) is { } expected && !Fits(value, typeInfo.Type))
                {
                    errors.Add(new ValidationError(path, $"{Subject(path)} must be {expected}, but it is {Describe(value)}."));
                }

                break;
        }
    }

    private static void CheckObject(JsonElement value, JsonTypeInfo typeInfo, string path, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(path, $"{Subject(path)} must be an object, but it is {Describe(value)}."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            var memberPath = Member(path, member.Name);
            var property = typeInfo.Properties.FirstOrDefault(p => p.Name == member.Name);
            if (property is null)
            {
                errors.Add(new ValidationError(memberPath, UnknownProperty(member.Name, typeInfo)));
            }
            else if (!seen.Add(member.Name))
            {
                errors.Add(new ValidationError(memberPath, $"The property '{member.Name}' appears more than once; give it once."));
            }
            else if (member.Value.ValueKind == JsonValueKind.Null)
            {
                if (!property.IsSetNullable)
                {
                    errors.Add(new ValidationError(memberPath, $"'{member.Name}' cannot be null; give a value or leave the property out."));
                }
            }
            else
            {
                Check(member.Value, typeInfo.Options.GetTypeInfo(property.PropertyType), memberPath, errors);
            }
        }
    }

    private static void CheckArray(JsonElement value, JsonTypeInfo typeInfo, string path, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError(path, $"{Subject(path)} must be an array, but it is {Describe(value)}."));
            return;
        }

        var elementInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            if (item.ValueKind == JsonValueKind.Null)
            {
                errors.Add(new ValidationError(itemPath, $"{Subject(itemPath)} cannot be null."));
            }
            else
            {
                Check(item, elementInfo, itemPath, errors);
            }
        }
    }

    private static string UnknownProperty(string name, JsonTypeInfo typeInfo)
    {
        var known = typeInfo.Properties.Select(p => p.Name).ToArray();
        var hint = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return hint is not null
            ? $"Unknown property '{name}'; property names are case-sensitive, did you mean '{hint}'?"
            : $"Unknown property '{name}'; allowed here: {string.Join(", ", known)}.";
    }

    /// <summary>What a scalar of this .NET type looks like in JSON, or null when any JSON value is accepted.</summary>
    private static string? Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "a string",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(int) => "a whole number from -2147483648 to 2147483647",
        var t when t == typeof(long) => "a whole number",
        var t when t == typeof(decimal) => "a number",
        _ => null,
    };

    private static bool Fits(JsonElement value, Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => value.ValueKind == JsonValueKind.String,
        var t when t == typeof(bool) => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        var t when t == typeof(int) => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        var t when t == typeof(long) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        var t when t == typeof(decimal) => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out _),
        _ => true,
    };

    /// <summary>The value as a message shows it: its kind, and short scalars themselves.</summary>
    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {Truncate(value.GetRawText())}",
        JsonValueKind.Number => $"the number {Truncate(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Truncate(string raw) => raw.Length <= 40 ? raw : raw[..37] + "...";

    /// <summary>How a message names the value at a path: <c>'maxLength'</c>, <c>Item 2 of 'values'</c>, <c>The document</c>.</summary>
    private static string Subject(string path)
    {
        if (path.Length == 0)
        {
            return "The document";
        }

        if (path.EndsWith(']'))
        {
            var open = path.LastIndexOf('[');
            return $"Item {path[(open + 1)..^1]} of '{LastName(path[..open])}'";
        }

        return $"'{LastName(path)}'";
    }

    private static string LastName(string path) => path[(path.LastIndexOf('.') + 1)..];

    /// <summary>Appends a property to a path in the API's format: <c>fields[0].maxLength</c>, no <c>$</c>.</summary>
    private static string Member(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
