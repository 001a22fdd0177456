using System.Text.Json;
using Engine.GraphQL.Schema;
using Engine.Metadata.Model;
using GraphQLParser.AST;

namespace Engine.GraphQL.Planning;

/// <summary>
/// Turns a validated GraphQL document into a <see cref="PlannedOperation"/>: picks the operation, coerces variables
/// and arguments, builds filters, write data and selections from the schema's bindings, and checks every input rule
/// and limit, so that nothing reaches the database unless the whole operation is valid.
/// </summary>
public static class OperationPlanner
{
    private const string SubscriptionsOverWebSocket = "Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.";

    /// <summary>Plans the operation named <paramref name="operationName"/> (or the only one) of a validated document.</summary>
    /// <param name="document">A document that passed validation against <paramref name="schema"/>.</param>
    /// <param name="operationName">The operation to run; may be null when the document has exactly one.</param>
    /// <param name="variables">The request's variables (a JSON object), if any.</param>
    /// <param name="schema">The schema the document was validated against.</param>
    /// <param name="model">The model <paramref name="schema"/> was built from.</param>
    /// <param name="limits">Page size and depth limits.</param>
    public static PlanningResult Plan(
        GraphQLDocument document, string? operationName, JsonElement? variables, GqlSchema schema, SchemaModel model, PlanningLimits limits)
    {
        var errors = new PlanningErrors(document.Source);
        var operation = SelectOperation(document, operationName, errors);
        if (operation is null)
        {
            return PlanningResult.Fail(errors.All);
        }

        var rootType = operation.Operation switch
        {
            OperationType.Query => schema.Query,
            OperationType.Mutation => schema.Mutation,
            _ => null,
        };
        if (rootType is null)
        {
            errors.BadInput(
                operation.Operation == OperationType.Subscription ? SubscriptionsOverWebSocket : "This schema has no mutations.", operation);
            return PlanningResult.Fail(errors.All, operation.Operation);
        }

        var coercer = new InputCoercer(schema, errors);
        coercer.Variables = VariableCoercer.Coerce(operation, variables, coercer, errors);
        if (errors.Count > 0)
        {
            return PlanningResult.Fail(errors.All, operation.Operation);
        }

        var collector = new FieldCollector(FragmentsOf(document), coercer.Variables);
        var filters = new FilterBuilder(errors);
        var lists = new ListArgumentsBuilder(errors, filters, limits);
        var selections = new SelectionBuilder(schema, model, collector, coercer, lists, errors, limits);
        var planner = new RootFieldPlanner(filters, lists, new WriteDataBuilder(errors, filters, model), selections, errors);

        var groups = collector.Collect(rootType.Name, [operation.SelectionSet]);
        var entries = new List<RootEntry>(groups.Count);
        foreach (var group in groups)
        {
            using var scope = errors.At([group.Key], group.First);
            if (Entry(group, rootType, model, coercer, planner, errors) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return errors.Count > 0
            ? PlanningResult.Fail(errors.All, operation.Operation)
            : PlanningResult.Ok(new PlannedOperation(operation, rootType.Name, entries));
    }

    private static RootEntry? Entry(
        FieldGroup group, GqlObjectType rootType, SchemaModel model, InputCoercer coercer, RootFieldPlanner planner, PlanningErrors errors)
    {
        var name = group.First.Name.StringValue;
        switch (name)
        {
            case "__typename":
                return new TypenameRootEntry(group.Key, rootType.Name);
            case "__schema" or "__type":
                return new IntrospectionRootEntry(group.Key, group.Fields);
        }

        if (rootType.FieldsByName.GetValueOrDefault(name) is not { } field)
        {
            errors.BadInput($"{rootType.Name} has no field {name}.", group.First);
            return null;
        }

        switch (field.Binding)
        {
            case MetadataVersionBinding:
                return new MetadataVersionRootEntry(group.Key, model.Version);
            case RootFieldBinding binding:
                var arguments = FieldArguments.Coerce(field, group.First, coercer, errors);
                return planner.Plan(field, binding, arguments, group) is { } plan ? new ResourceRootEntry(plan, field.Type.IsNonNull) : null;
            default:
                errors.BadInput($"{rootType.Name}.{name} cannot be planned.", group.First);
                return null;
        }
    }

    /// <summary>The operation to run (GraphQL spec §6.1 GetOperation).</summary>
    internal static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName, PlanningErrors errors)
    {
        GraphQLOperationDefinition? found = null;
        var count = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }

            count++;
            if (operationName is null ? found is null : operation.Name == operationName)
            {
                found = operation;
            }
        }

        if (operationName is null && count > 1)
        {
            errors.BadInput("The document has several operations: give operationName.");
            return null;
        }

        if (found is null)
        {
            errors.BadInput(operationName is null ? "The document has no operation." : $"The document has no operation named \"{operationName}\".");
        }

        return found;
    }

    internal static Dictionary<string, GraphQLFragmentDefinition> FragmentsOf(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragments[fragment.FragmentName.Name.StringValue] = fragment;
            }
        }

        return fragments;
    }
}
