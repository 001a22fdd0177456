using System.Collections.Frozen;
using Engine.GraphQL.Introspection;
using Engine.GraphQL.Schema;
using GraphQLParser.AST;

namespace Engine.GraphQL.Validation;

/// <summary>
/// Visits a document once, in order, keeping track of the schema types at each point (parent type, field definition,
/// expected input type) and calling every rule's hooks. It also records each definition's variable usages and fragment
/// spreads into the <see cref="ValidationContext"/> for the rules that look across fragments.
/// </summary>
internal sealed class DocumentWalker(ValidationContext context, IReadOnlyList<ValidationRule> rules)
{
    private DefinitionInfo? current;

    public void Walk()
    {
        foreach (var definition in context.Document.Definitions)
        {
            if (context.IsFull)
            {
                return;
            }

            foreach (var rule in rules)
            {
                rule.EnterDefinition(context, definition);
            }

            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    WalkOperation(operation);
                    break;
                case GraphQLFragmentDefinition fragment:
                    WalkFragment(fragment);
                    break;
            }
        }

        current = null;
        foreach (var rule in rules)
        {
            rule.LeaveDocument(context);
        }
    }

    private void WalkOperation(GraphQLOperationDefinition operation)
    {
        current = context.Info(operation);
        var schema = context.Schema;
        var (rootType, location) = operation.Operation switch
        {
            OperationType.Mutation => (schema.Mutation, "MUTATION"),
            OperationType.Subscription => (schema.Subscription, "SUBSCRIPTION"),
            _ => (schema.Query, "QUERY"),
        };
        foreach (var rule in rules)
        {
            rule.EnterOperation(context, operation, rootType);
        }

        foreach (var variable in operation.Variables?.Items ?? [])
        {
            WalkNamedTypes(variable.Type);
            var type = context.TypeFromAst(variable.Type);
            foreach (var rule in rules)
            {
                rule.EnterVariableDefinition(context, variable, type);
            }

            if (variable.DefaultValue is not null)
            {
                WalkValue(variable.DefaultValue, type, hasLocationDefault: false);
            }

            WalkDirectives(variable.Directives, "VARIABLE_DEFINITION");
        }

        WalkDirectives(operation.Directives, location);
        WalkSelectionSet(operation.SelectionSet, rootType);
    }

    private void WalkFragment(GraphQLFragmentDefinition fragment)
    {
        current = context.Info(fragment);
        WalkNamedTypes(fragment.TypeCondition.Type);
        var typeCondition = context.Schema.Type(fragment.TypeCondition.Type.Name.StringValue);
        foreach (var rule in rules)
        {
            rule.EnterFragmentDefinition(context, fragment, typeCondition);
        }

        WalkDirectives(fragment.Directives, "FRAGMENT_DEFINITION");
        WalkSelectionSet(fragment.SelectionSet, typeCondition as GqlObjectType);
    }

    private void WalkSelectionSet(GraphQLSelectionSet selectionSet, GqlObjectType? parentType)
    {
        foreach (var rule in rules)
        {
            rule.EnterSelectionSet(context, selectionSet, parentType);
        }

        foreach (var selection in selectionSet.Selections)
        {
            if (context.IsFull)
            {
                return;
            }

            switch (selection)
            {
                case GraphQLField field:
                    WalkField(field, parentType);
                    break;
                case GraphQLInlineFragment inline:
                    GqlNamedType? typeCondition = parentType;
                    if (inline.TypeCondition is not null)
                    {
                        WalkNamedTypes(inline.TypeCondition.Type);
                        typeCondition = context.Schema.Type(inline.TypeCondition.Type.Name.StringValue);
                    }

                    foreach (var rule in rules)
                    {
                        rule.EnterInlineFragment(context, inline, parentType, typeCondition);
                    }

                    WalkDirectives(inline.Directives, "INLINE_FRAGMENT");
                    WalkSelectionSet(inline.SelectionSet, typeCondition as GqlObjectType);
                    break;
                case GraphQLFragmentSpread spread:
                    current?.Spreads.Add(spread);
                    foreach (var rule in rules)
                    {
                        rule.EnterFragmentSpread(context, spread, parentType);
                    }

                    WalkDirectives(spread.Directives, "FRAGMENT_SPREAD");
                    break;
            }
        }
    }

    private void WalkField(GraphQLField field, GqlObjectType? parentType)
    {
        var definition = parentType is null ? null : FieldDefinition(context.Schema, parentType, field.Name.StringValue);
        foreach (var rule in rules)
        {
            rule.EnterField(context, field, parentType, definition);
        }

        WalkArguments(field.Arguments, definition, parentType, definition?.ArgumentsByName);
        WalkDirectives(field.Directives, "FIELD");
        if (field.SelectionSet is not null)
        {
            WalkSelectionSet(field.SelectionSet, context.NamedType(definition?.Type) as GqlObjectType);
        }
    }

    /// <summary>The field <paramref name="name"/> of <paramref name="parentType"/>, including the introspection meta-fields.</summary>
    public static GqlField? FieldDefinition(GqlSchema schema, GqlObjectType parentType, string name) => name switch
    {
        "__typename" => IntrospectionTypes.TypenameField,
        "__schema" when ReferenceEquals(parentType, schema.Query) => IntrospectionTypes.SchemaField,
        "__type" when ReferenceEquals(parentType, schema.Query) => IntrospectionTypes.TypeField,
        _ => parentType.FieldsByName.GetValueOrDefault(name),
    };

    private void WalkArguments(GraphQLArguments? arguments, object? owner, GqlObjectType? parentType,
        FrozenDictionary<string, GqlInputField>? definitions)
    {
        foreach (var argument in arguments?.Items ?? [])
        {
            var definition = definitions?.GetValueOrDefault(argument.Name.StringValue);
            foreach (var rule in rules)
            {
                rule.EnterArgument(context, argument, owner, parentType, definition);
            }

            WalkValue(argument.Value, definition?.Type, definition?.DefaultValue is not null);
        }
    }

    private void WalkDirectives(GraphQLDirectives? directives, string location)
    {
        if (directives is null)
        {
            return;
        }

        foreach (var rule in rules)
        {
            rule.EnterDirectives(context, directives, location);
        }

        foreach (var directive in directives.Items)
        {
            var definition = context.Schema.Directive(directive.Name.StringValue);
            foreach (var rule in rules)
            {
                rule.EnterDirective(context, directive, location, definition);
            }

            WalkArguments(directive.Arguments, definition, null, definition?.ArgumentsByName);
        }
    }

    private void WalkValue(GraphQLValue value, GqlTypeRef? type, bool hasLocationDefault)
    {
        if (value is not (GraphQLVariable or GraphQLListValue or GraphQLNullValue))
        {
            // Input coercion accepts a single item where a list is expected (GraphQL spec §3.11).
            while (type?.Nullable is { Kind: GqlTypeRefKind.List } list)
            {
                type = list.OfType;
            }
        }

        switch (value)
        {
            case GraphQLVariable variable:
                current?.Usages.Add(new VariableUsage(variable, type, hasLocationDefault));
                NotifyValue(value, type);
                break;
            case GraphQLListValue list:
                NotifyValue(value, type);
                var itemType = type?.Nullable is { Kind: GqlTypeRefKind.List } listType ? listType.OfType : null;
                foreach (var item in list.Values ?? [])
                {
                    WalkValue(item, itemType, hasLocationDefault: false);
                }

                break;
            case GraphQLObjectValue obj:
                NotifyValue(value, type);
                var inputType = context.NamedType(type) as GqlInputObjectType;
                foreach (var field in obj.Fields ?? [])
                {
                    var definition = inputType?.FieldsByName.GetValueOrDefault(field.Name.StringValue);
                    WalkValue(field.Value, definition?.Type, definition?.DefaultValue is not null);
                }

                break;
            case GraphQLNullValue:
                NotifyValue(value, type);
                break;
            default:
                NotifyValue(value, type);
                break;
        }
    }

    private void NotifyValue(GraphQLValue value, GqlTypeRef? type)
    {
        foreach (var rule in rules)
        {
            rule.EnterValue(context, value, type);
        }
    }

    /// <summary>Reports each type name (inside list and non-null wrappers) to the rules.</summary>
    private void WalkNamedTypes(GraphQLType type)
    {
        switch (type)
        {
            case GraphQLNonNullType nonNull:
                WalkNamedTypes(nonNull.Type);
                break;
            case GraphQLListType list:
                WalkNamedTypes(list.Type);
                break;
            case GraphQLNamedType named:
                foreach (var rule in rules)
                {
                    rule.EnterNamedType(context, named);
                }

                break;
        }
    }
}
