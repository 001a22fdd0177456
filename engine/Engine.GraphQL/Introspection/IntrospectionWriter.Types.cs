using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Introspection;

public static partial class IntrospectionWriter
{
    /// <summary>A <c>__Type</c>: a named type, or a list / non-null wrapper given by its reference.</summary>
    private readonly record struct TypeValue(GqlNamedType? Named, GqlTypeRef? Wrapper);

    private readonly partial struct Run
    {
        private TypeValue Resolve(GqlTypeRef type) =>
            type.Kind == GqlTypeRefKind.Named
                ? new TypeValue(schema.Type(type.Name!) ?? throw new InvalidOperationException($"The schema has no type {type.Name}."), null)
                : new TypeValue(null, type);

        private void WriteType(TypeValue type, IReadOnlyList<GraphQLField> fields)
        {
            var named = type.Named;
            writer.WriteStartObject();
            foreach (var (key, group) in FieldCollector.Collect(fields, "__Type", ctx))
            {
                writer.WritePropertyName(key);
                var field = group[0];
                switch (field.Name.StringValue)
                {
                    case "__typename":
                        writer.WriteStringValue("__Type");
                        break;
                    case "kind":
                        writer.WriteStringValue(named?.Kind ?? (type.Wrapper!.Kind == GqlTypeRefKind.List ? "LIST" : "NON_NULL"));
                        break;
                    case "name":
                        WriteStringOrNull(named?.Name);
                        break;
                    case "description":
                        WriteStringOrNull(named?.Description);
                        break;
                    case "specifiedByURL":
                        WriteStringOrNull((named as GqlScalarType)?.SpecifiedByUrl);
                        break;
                    case "fields" when named is GqlObjectType obj:
                        var includeDeprecated = ctx.BoolArgument(field.Arguments, "includeDeprecated", false);
                        writer.WriteStartArray();
                        foreach (var f in obj.Fields)
                        {
                            if (includeDeprecated || f.DeprecationReason is null)
                            {
                                WriteField(f, group);
                            }
                        }

                        writer.WriteEndArray();
                        break;
                    case "interfaces" when named is GqlObjectType:
                        writer.WriteStartArray();
                        writer.WriteEndArray();
                        break;
                    case "enumValues" when named is GqlEnumType e:
                        writer.WriteStartArray();
                        foreach (var value in e.Values)
                        {
                            WriteEnumValue(value, group);
                        }

                        writer.WriteEndArray();
                        break;
                    case "inputFields" when named is GqlInputObjectType input:
                        WriteInputValues(input.Fields, group);
                        break;
                    case "ofType" when type.Wrapper is not null:
                        WriteType(Resolve(type.Wrapper.OfType!), group);
                        break;
                    default:
                        // fields, interfaces, enumValues, inputFields, ofType and possibleTypes of the other kinds.
                        writer.WriteNullValue();
                        break;
                }
            }

            writer.WriteEndObject();
        }

        private void WriteField(GqlField f, IReadOnlyList<GraphQLField> fields)
        {
            writer.WriteStartObject();
            foreach (var (key, group) in FieldCollector.Collect(fields, "__Field", ctx))
            {
                writer.WritePropertyName(key);
                switch (group[0].Name.StringValue)
                {
                    case "__typename":
                        writer.WriteStringValue("__Field");
                        break;
                    case "name":
                        writer.WriteStringValue(f.Name);
                        break;
                    case "description":
                        WriteStringOrNull(f.Description);
                        break;
                    case "args":
                        WriteInputValues(f.Arguments, group);
                        break;
                    case "type":
                        WriteType(Resolve(f.Type), group);
                        break;
                    case "isDeprecated":
                        writer.WriteBooleanValue(f.DeprecationReason is not null);
                        break;
                    default:
                        WriteStringOrNull(f.DeprecationReason);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        /// <summary>Writes a list of <c>__InputValue</c>; none is deprecated, so <c>includeDeprecated</c> changes nothing.</summary>
        private void WriteInputValues(IReadOnlyList<GqlInputField> values, IReadOnlyList<GraphQLField> fields)
        {
            writer.WriteStartArray();
            var selection = FieldCollector.Collect(fields, "__InputValue", ctx);
            foreach (var value in values)
            {
                writer.WriteStartObject();
                foreach (var (key, group) in selection)
                {
                    writer.WritePropertyName(key);
                    switch (group[0].Name.StringValue)
                    {
                        case "__typename":
                            writer.WriteStringValue("__InputValue");
                            break;
                        case "name":
                            writer.WriteStringValue(value.Name);
                            break;
                        case "description":
                            WriteStringOrNull(value.Description);
                            break;
                        case "type":
                            WriteType(Resolve(value.Type), group);
                            break;
                        case "defaultValue":
                            WriteStringOrNull(value.DefaultValue);
                            break;
                        case "isDeprecated":
                            writer.WriteBooleanValue(false);
                            break;
                        default:
                            writer.WriteNullValue();
                            break;
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        private void WriteEnumValue(GqlEnumValue value, IReadOnlyList<GraphQLField> fields)
        {
            writer.WriteStartObject();
            foreach (var (key, group) in FieldCollector.Collect(fields, "__EnumValue", ctx))
            {
                writer.WritePropertyName(key);
                switch (group[0].Name.StringValue)
                {
                    case "__typename":
                        writer.WriteStringValue("__EnumValue");
                        break;
                    case "name":
                        writer.WriteStringValue(value.Name);
                        break;
                    case "description":
                        WriteStringOrNull(value.Description);
                        break;
                    case "isDeprecated":
                        writer.WriteBooleanValue(false);
                        break;
                    default:
                        writer.WriteNullValue();
                        break;
                }
            }

            writer.WriteEndObject();
        }

        private void WriteStringOrNull(string? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }
    }
}
