using System.Text.Json;
using Engine.GraphQL.Introspection;
using Engine.GraphQL.Schema;
using Engine.GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Engine.GraphQL.Tests.Introspection;

/// <summary>Validates a query and runs its root introspection fields, returning <c>{"data": ...}</c> as the HTTP layer would.</summary>
internal static class IntrospectionRunner
{
    public static JsonElement Run(GqlSchema schema, string query, string? variablesJson = null)
    {
        var document = Parser.Parse(query);
        var errors = DocumentValidator.Validate(document, schema);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var variables = variablesJson is null
            ? null
            : JsonDocument.Parse(variablesJson).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var context = new IntrospectionContext(document, operation, variables, schema.Query.Name);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writer.WriteStartObject();
            var groups = operation.SelectionSet.Selections.OfType<GraphQLField>()
                .Where(f => context.ShouldInclude(f.Directives))
                .GroupBy(f => (f.Alias?.Name ?? f.Name).StringValue);
            foreach (var group in groups)
            {
                IntrospectionWriter.WriteRootField(writer, schema, group.ToList(), context);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement;
    }

    /// <summary>The text of a query file copied next to the test assembly.</summary>
    public static string Query(string fileName) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Introspection", fileName));
}
