using System.Text.Json;
using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Introspection;

/// <summary>
/// Executes the introspection root fields <c>__schema</c>, <c>__type(name:)</c> and <c>__typename</c> of a validated
/// document against a <see cref="GqlSchema"/>, writing the result as JSON (GraphQL spec §4, October 2021, plus the
/// deprecated input values graphql-js asks for with <c>inputValueDeprecation</c>).
/// </summary>
public static partial class IntrospectionWriter
{
    /// <summary>True for the root fields this writer executes: <c>__schema</c>, <c>__type</c> and <c>__typename</c>.</summary>
    public static bool IsIntrospectionField(GraphQLField field) => field.Name.Value.Span.StartsWith("__");

    /// <summary>Writes <c>"key": value</c> for one root introspection field (the key is its alias or name).</summary>
    public static void WriteRootField(Utf8JsonWriter writer, GqlSchema schema, GraphQLField field, IntrospectionContext ctx) =>
        WriteRootField(writer, schema, [field], ctx);

    /// <summary>
    /// Writes <c>"key": value</c> for the fields that share one response key at the root (field collection merges them;
    /// their selection sets are merged too). All must be the same introspection field.
    /// </summary>
    public static void WriteRootField(Utf8JsonWriter writer, GqlSchema schema, IReadOnlyList<GraphQLField> fields, IntrospectionContext ctx)
    {
        var first = fields[0];
        writer.WritePropertyName((first.Alias?.Name ?? first.Name).Value.Span);
        new Run(writer, schema, ctx).WriteRoot(fields);
    }

    /// <summary>One execution: the writer, the schema and the request context, passed along the recursion.</summary>
    private readonly partial struct Run(Utf8JsonWriter writer, GqlSchema schema, IntrospectionContext ctx)
    {
        public void WriteRoot(IReadOnlyList<GraphQLField> fields)
        {
            var first = fields[0];
            switch (first.Name.StringValue)
            {
                case "__schema":
                    WriteSchema(fields);
                    break;
                case "__type":
                    var name = ctx.StringArgument(first.Arguments, "name");
                    var type = name is null ? null : schema.Type(name);
                    if (type is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        WriteType(new TypeValue(type, null), fields);
                    }

                    break;
                case "__typename":
                    writer.WriteStringValue(ctx.RootTypeName);
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }
        }

        private void WriteSchema(IReadOnlyList<GraphQLField> fields)
        {
            writer.WriteStartObject();
            foreach (var (key, group) in FieldCollector.Collect(fields, "__Schema", ctx))
            {
                writer.WritePropertyName(key);
                switch (group[0].Name.StringValue)
                {
                    case "__typename":
                        writer.WriteStringValue("__Schema");
                        break;
                    case "types":
                        writer.WriteStartArray();
                        foreach (var type in schema.Types.Values)
                        {
                            WriteType(new TypeValue(type, null), group);
                        }

                        writer.WriteEndArray();
                        break;
                    case "queryType":
                        WriteType(new TypeValue(schema.Query, null), group);
                        break;
                    case "mutationType":
                        WriteNamedTypeOrNull(schema.Mutation, group);
                        break;
                    case "subscriptionType":
                        WriteNamedTypeOrNull(schema.Subscription, group);
                        break;
                    case "directives":
                        writer.WriteStartArray();
                        foreach (var directive in schema.Directives)
                        {
                            WriteDirective(directive, group);
                        }

                        writer.WriteEndArray();
                        break;
                    default:
                        // "description": the schema has none.
                        writer.WriteNullValue();
                        break;
                }
            }

            writer.WriteEndObject();
        }

        private void WriteNamedTypeOrNull(GqlNamedType? type, IReadOnlyList<GraphQLField> fields)
        {
            if (type is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                WriteType(new TypeValue(type, null), fields);
            }
        }

        private void WriteDirective(GqlDirective directive, IReadOnlyList<GraphQLField> fields)
        {
            writer.WriteStartObject();
            foreach (var (key, group) in FieldCollector.Collect(fields, "__Directive", ctx))
            {
                writer.WritePropertyName(key);
                switch (group[0].Name.StringValue)
                {
                    case "__typename":
                        writer.WriteStringValue("__Directive");
                        break;
                    case "name":
                        writer.WriteStringValue(directive.Name);
                        break;
                    case "description":
                        writer.WriteStringValue(directive.Description);
                        break;
                    case "isRepeatable":
                        writer.WriteBooleanValue(directive.IsRepeatable);
                        break;
                    case "locations":
                        writer.WriteStartArray();
                        foreach (var location in directive.Locations)
                        {
                            writer.WriteStringValue(location);
                        }

                        writer.WriteEndArray();
                        break;
                    case "args":
                        WriteInputValues(directive.Arguments, group);
                        break;
                    default:
                        writer.WriteNullValue();
                        break;
                }
            }

            writer.WriteEndObject();
        }
    }
}
