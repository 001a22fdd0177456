using System.Collections.Concurrent;
using System.Text.Json;
using Engine.GraphQL.Schema;
using GraphQLParser;
using GraphQLParser.AST;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Coerces input values (GraphQL spec §3.10, §5.6) from document literals and from JSON variables into the
/// planner's value model (<see cref="InputObjectValue"/>, <see cref="InputListValue"/>, <see cref="GqlEnumValue"/>,
/// CLR scalars). Reports every problem to <see cref="PlanningErrors"/> and keeps going, so all bad inputs of a
/// request surface together.
/// </summary>
internal sealed class InputCoercer(GqlSchema schema, PlanningErrors errors)
{
    /// <summary>Parsed schema default values, by their literal text (a handful per schema).</summary>
    private static readonly ConcurrentDictionary<string, GraphQLValue> DefaultLiterals = new(StringComparer.Ordinal);

    /// <summary>The operation's coerced variables; a variable the caller left out is missing from the map.</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; set; } = new Dictionary<string, object?>();

    /// <summary>Coerces a literal (which may contain variables) to <paramref name="type"/>; <see cref="AbsentValue"/> when it is an unset variable.</summary>
    public object? FromLiteral(GraphQLValue literal, GqlTypeRef type, InputPath path)
    {
        if (literal is GraphQLVariable variable)
        {
            if (!Variables.TryGetValue(variable.Name.StringValue, out var value))
            {
                return AbsentValue.Instance;
            }

            if (value is null && type.IsNonNull)
            {
                errors.BadInput($"Variable \"${variable.Name.StringValue}\" is null but {path} requires a value of type {type}.", path);
            }

            return value;
        }

        if (literal is GraphQLNullValue)
        {
            return NullFor(type, path);
        }

        var nullable = type.Nullable;
        if (nullable.Kind == GqlTypeRefKind.List)
        {
            if (literal is not GraphQLListValue list)
            {
                return new InputListValue([FromLiteral(literal, nullable.OfType!, path.Item(0))]);
            }

            var items = new object?[list.Values?.Count ?? 0];
            for (var i = 0; i < items.Length; i++)
            {
                var item = FromLiteral(list.Values![i], nullable.OfType!, path.Item(i));
                items[i] = item == AbsentValue.Instance ? NullFor(nullable.OfType!, path.Item(i)) : item;
            }

            return new InputListValue(items);
        }

        switch (schema.Type(nullable.NamedType))
        {
            case GqlScalarType scalar:
                return Scalar(ScalarCoercion.TryCoerceLiteral(scalar.Name, literal, out var parsed, out var error), parsed, error, path);
            case GqlEnumType enumType:
                return literal is GraphQLEnumValue enumLiteral
                    ? EnumValue(enumType, enumLiteral.Name.StringValue, path)
                    : Invalid($"{path}: expected a value of enum {enumType.Name}.", path);
            case GqlInputObjectType objectType:
                return literal is GraphQLObjectValue objectLiteral
                    ? ObjectFromLiteral(objectType, objectLiteral, path)
                    : Invalid($"{path}: expected an input object of type {objectType.Name}.", path);
            default:
                return Invalid($"{path}: {nullable.NamedType} is not an input type.", path);
        }
    }

    /// <summary>Coerces a JSON variable value to <paramref name="type"/>.</summary>
    public object? FromJson(JsonElement json, GqlTypeRef type, InputPath path)
    {
        if (json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return NullFor(type, path);
        }

        var nullable = type.Nullable;
        if (nullable.Kind == GqlTypeRefKind.List)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                return new InputListValue([FromJson(json, nullable.OfType!, path.Item(0))]);
            }

            var items = new object?[json.GetArrayLength()];
            var i = 0;
            foreach (var item in json.EnumerateArray())
            {
                items[i] = FromJson(item, nullable.OfType!, path.Item(i));
                i++;
            }

            return new InputListValue(items);
        }

        switch (schema.Type(nullable.NamedType))
        {
            case GqlScalarType scalar:
                return Scalar(ScalarCoercion.TryCoerceJson(scalar.Name, json, out var parsed, out var error), parsed, error, path);
            case GqlEnumType enumType:
                return json.ValueKind == JsonValueKind.String
                    ? EnumValue(enumType, json.GetString()!, path)
                    : Invalid($"{path}: expected a value of enum {enumType.Name} as a string.", path);
            case GqlInputObjectType objectType:
                return json.ValueKind == JsonValueKind.Object
                    ? ObjectFromJson(objectType, json, path)
                    : Invalid($"{path}: expected an object of type {objectType.Name}.", path);
            default:
                return Invalid($"{path}: {nullable.NamedType} is not an input type.", path);
        }
    }

    /// <summary>The coerced default value of an argument or input field, or <see cref="AbsentValue"/> when it has none.</summary>
    public object? DefaultOf(GqlInputField field, InputPath path)
    {
        if (field.DefaultValue is null)
        {
            return AbsentValue.Instance;
        }

        var literal = DefaultLiterals.GetOrAdd(field.DefaultValue, static text => Parser.Parse<GraphQLValue>(text));
        return FromLiteral(literal, field.Type, path);
    }

    private InputObjectValue ObjectFromLiteral(GqlInputObjectType type, GraphQLObjectValue literal, InputPath path)
    {
        var given = literal.Fields ?? [];
        foreach (var field in given)
        {
            if (!type.FieldsByName.ContainsKey(field.Name.StringValue))
            {
                errors.BadInput($"{path}: {type.Name} has no field \"{field.Name.StringValue}\".", path.Field(field.Name.StringValue));
            }
        }

        var values = new List<InputFieldValue>(given.Count);
        foreach (var field in type.Fields)
        {
            var fieldPath = path.Field(field.Name);
            var value = AbsentValue.Instance as object;
            foreach (var candidate in given)
            {
                if (candidate.Name == field.Name)
                {
                    value = FromLiteral(candidate.Value, field.Type, fieldPath);
                    break;
                }
            }

            AddField(values, field, value, fieldPath);
        }

        return new InputObjectValue(type, values);
    }

    private InputObjectValue ObjectFromJson(GqlInputObjectType type, JsonElement json, InputPath path)
    {
        var values = new List<InputFieldValue>();
        foreach (var property in json.EnumerateObject())
        {
            if (!type.FieldsByName.ContainsKey(property.Name))
            {
                errors.BadInput($"{path}: {type.Name} has no field \"{property.Name}\".", path.Field(property.Name));
            }
        }

        foreach (var field in type.Fields)
        {
            var fieldPath = path.Field(field.Name);
            var value = json.TryGetProperty(field.Name, out var property) ? FromJson(property, field.Type, fieldPath) : AbsentValue.Instance;
            AddField(values, field, value, fieldPath);
        }

        return new InputObjectValue(type, values);
    }

    private void AddField(List<InputFieldValue> values, GqlInputField field, object? value, InputPath path)
    {
        if (value == AbsentValue.Instance)
        {
            value = DefaultOf(field, path);
        }

        if (value == AbsentValue.Instance)
        {
            if (field.Type.IsNonNull)
            {
                errors.BadInput($"{path}: a value of type {field.Type} is required.", path);
            }

            return;
        }

        values.Add(new InputFieldValue(field, value, path));
    }

    private object? NullFor(GqlTypeRef type, InputPath path)
    {
        if (type.IsNonNull)
        {
            errors.BadInput($"{path}: a value of type {type} is required, not null.", path);
        }

        return null;
    }

    private object? EnumValue(GqlEnumType type, string name, InputPath path) =>
        type.ValuesByName.TryGetValue(name, out var value)
            ? value
            : Invalid($"{path}: \"{name}\" is not a value of enum {type.Name}.", path);

    private object? Scalar(bool ok, object? value, string? error, InputPath path) =>
        ok ? value : Invalid($"{path}: {error}", path);

    private object? Invalid(string message, InputPath path)
    {
        errors.BadInput(message, path);
        return null;
    }
}
