using System.Text.Json;
using Engine.GraphQL.Errors;
using Engine.GraphQL.Planning;
using Engine.GraphQL.Schema;
using Engine.Metadata.Model;
using GraphQLParser.AST;

namespace Engine.GraphQL.Subscriptions;

/// <summary>
/// Turns the subscription operation of a validated document into a <see cref="SubscriptionPlan"/>: the resource of its
/// one root field, the compiled <c>where</c> filter, and the payload selection (<c>node</c> is planned like a query's
/// object selection, so relations and limits work as in queries). Every input problem is reported before anything runs.
/// </summary>
public static class SubscriptionPlanner
{
    /// <summary>
    /// Plans the operation named <paramref name="operationName"/> (or the only one) of a validated document when it is a
    /// subscription; for a query or mutation the result has no plan, no errors and its <see cref="SubscriptionPlanningResult.Kind"/>.
    /// </summary>
    public static SubscriptionPlanningResult Plan(
        GraphQLDocument document, string? operationName, JsonElement? variables, GqlSchema schema, SchemaModel model, PlanningLimits limits)
    {
        var errors = new PlanningErrors(document.Source);
        var operation = OperationPlanner.SelectOperation(document, operationName, errors);
        if (operation is null)
        {
            return new SubscriptionPlanningResult(null, errors.All, null);
        }

        if (operation.Operation != OperationType.Subscription)
        {
            return new SubscriptionPlanningResult(null, [], operation.Operation);
        }

        var plan = Plan(document, operation, variables, schema, model, limits, errors);
        return errors.Count > 0 || plan is null
            ? new SubscriptionPlanningResult(null, errors.All, OperationType.Subscription)
            : new SubscriptionPlanningResult(plan, [], OperationType.Subscription);
    }

    private static SubscriptionPlan? Plan(GraphQLDocument document, GraphQLOperationDefinition operation, JsonElement? variables,
        GqlSchema schema, SchemaModel model, PlanningLimits limits, PlanningErrors errors)
    {
        if (schema.Subscription is not { } rootType)
        {
            errors.BadInput("This schema has no subscriptions (no resources are defined).", operation);
            return null;
        }

        var coercer = new InputCoercer(schema, errors);
        coercer.Variables = VariableCoercer.Coerce(operation, variables, coercer, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var collector = new FieldCollector(OperationPlanner.FragmentsOf(document), coercer.Variables);
        var groups = collector.Collect(rootType.Name, [operation.SelectionSet]);
        if (groups.Count != 1)
        {
            errors.BadInput("A subscription must select exactly one root field.", operation);
            return null;
        }

        var group = groups[0];
        using var scope = errors.At([group.Key], group.First);
        var name = group.First.Name.StringValue;
        if (rootType.FieldsByName.GetValueOrDefault(name) is not { Binding: SubscriptionFieldBinding binding } field)
        {
            errors.BadInput($"{rootType.Name} has no field {name}.", group.First);
            return null;
        }

        var arguments = FieldArguments.Coerce(field, group.First, coercer, errors);
        if (errors.Count > 0)
        {
            // Values that failed coercion are nulls where the types promise values: nothing more can be built from them.
            return null;
        }

        var filter = new SubscriptionFilterBuilder(errors).Build(arguments["where"]);
        var filters = new FilterBuilder(errors);
        var selections = new SelectionBuilder(schema, model, collector, coercer, new ListArgumentsBuilder(errors, filters, limits), errors, limits);
        var payload = Payload(schema, collector, selections, field, group, errors);
        return new SubscriptionPlan(model.Version, group.Key, binding.Resource, filter, payload);
    }

    private static PayloadItem[] Payload(
        GqlSchema schema, FieldCollector collector, SelectionBuilder selections, GqlField field, FieldGroup group, PlanningErrors errors)
    {
        var type = (GqlObjectType)schema.Types[field.Type.NamedType];
        var items = new List<PayloadItem>(4);
        foreach (var sub in collector.Collect(type.Name, group.SelectionSets))
        {
            var name = sub.First.Name.StringValue;
            if (name == "__typename")
            {
                items.Add(new TypenamePayloadItem(sub.Key, type.Name));
                continue;
            }

            if (type.FieldsByName.GetValueOrDefault(name) is not { Binding: SubscriptionPayloadFieldBinding binding } payloadField)
            {
                errors.BadInput($"{type.Name} has no field {name}.", sub.First);
                continue;
            }

            items.Add(binding.Field switch
            {
                SubscriptionPayloadField.Mutation => new MutationPayloadItem(sub.Key),
                SubscriptionPayloadField.UpdatedFields => new UpdatedFieldsPayloadItem(sub.Key),
                SubscriptionPayloadField.Node => new NodePayloadItem(sub.Key, selections.Nested(payloadField, sub, [group.Key, sub.Key])),
                _ => new PreviousValuesPayloadItem(sub.Key, PreviousValues(schema, collector, payloadField, sub, errors)),
            });
        }

        return [.. items];
    }

    private static PreviousValueItem[] PreviousValues(GqlSchema schema, FieldCollector collector, GqlField field, FieldGroup group, PlanningErrors errors)
    {
        var type = (GqlObjectType)schema.Types[field.Type.NamedType];
        var items = new List<PreviousValueItem>();
        foreach (var sub in collector.Collect(type.Name, group.SelectionSets))
        {
            var name = sub.First.Name.StringValue;
            if (name == "__typename")
            {
                items.Add(new PreviousValueItem(sub.Key, null, type.Name));
            }
            else if (type.FieldsByName.GetValueOrDefault(name) is { Binding: ResourceFieldBinding binding })
            {
                items.Add(new PreviousValueItem(sub.Key, binding.Field.Name, type.Name));
            }
            else
            {
                errors.BadInput($"{type.Name} has no field {name}.", sub.First);
            }
        }

        return [.. items];
    }
}

/// <summary>The outcome of planning a subscription: a plan, or the errors that stop it, or the kind of a non-subscription operation.</summary>
/// <param name="Plan">The plan; null when planning failed or the operation is not a subscription.</param>
/// <param name="Errors">Why planning failed; empty otherwise.</param>
/// <param name="Kind">The kind of the selected operation; null when none was selected.</param>
public sealed record SubscriptionPlanningResult(SubscriptionPlan? Plan, IReadOnlyList<GraphQLError> Errors, OperationType? Kind);
