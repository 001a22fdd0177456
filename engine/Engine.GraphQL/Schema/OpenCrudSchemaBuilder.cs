using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.GraphQL.Schema;

/// <summary>
/// Generates the OpenCRUD schema (SPEC §3): <see cref="BuildResource"/> makes one resource's types and root fields,
/// <see cref="Compose"/> joins the parts of all resources with the built-in and shared types into a schema. Every
/// name comes from <see cref="GraphQLNames"/>; types refer to each other by name so parts can be reused.
/// </summary>
public static partial class OpenCrudSchemaBuilder
{
    /// <summary>Builds every named type and root field <paramref name="resource"/> generates.</summary>
    public static ResourceSchemaPart BuildResource(ResourceModel resource, SchemaModel model)
    {
        var types = new List<GqlNamedType>(15) { ObjectType(resource) };
        types.AddRange(FieldEnums(resource));
        types.Add(WhereInput(resource));
        types.Add(WhereUniqueInput(resource));
        types.Add(OrderByInput(resource));
        types.AddRange(ConnectionTypes(resource));
        types.Add(CreateInput(resource, model));

        var update = UpdateInput(resource, model);
        var updateMany = UpdateManyMutationInput(resource);
        if (update is not null)
        {
            types.Add(update);
        }

        if (updateMany is not null)
        {
            types.Add(updateMany);
        }

        types.AddRange(NestedWriteInputs(resource, model, update, updateMany));
        types.AddRange(SubscriptionTypes(resource));

        return new ResourceSchemaPart(resource, types, QueryFields(resource),
            MutationFields(resource, hasUpdate: update is not null, hasUpdateMany: updateMany is not null),
            SubscriptionFields(resource), RelationTargetsOf(resource, model));
    }

    /// <summary>The definitions of <paramref name="resource"/>'s relation targets in <paramref name="model"/>, distinct, in field order.</summary>
    public static IReadOnlyList<ResourceDefinition> RelationTargetsOf(ResourceModel resource, SchemaModel model)
    {
        List<ResourceDefinition>? targets = null;
        foreach (var field in resource.Fields)
        {
            if (field.Relation is null)
            {
                continue;
            }

            var target = model.Resource(field.Relation.Target)?.Definition
                ?? throw new InvalidOperationException($"Relation {resource.Name}.{field.Name} targets unknown resource {field.Relation.Target}.");
            targets ??= [];
            if (!targets.Exists(t => ReferenceEquals(t, target)))
            {
                targets.Add(target);
            }
        }

        return targets ?? (IReadOnlyList<ResourceDefinition>)[];
    }

    /// <summary>The GraphQL named type of a scalar field's values: a scalar, or the field's enum type.</summary>
    private static string ValueTypeName(ResourceModel resource, FieldModel field) =>
        field.Scalar == ScalarKind.Enum ? GraphQLNames.FieldEnum(resource.Name, field.Name) : ScalarTypes.NameOf(field.Scalar);

    private static bool HasDefault(FieldModel field) =>
        field.Default is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) };

    private static IEnumerable<GqlEnumType> FieldEnums(ResourceModel resource)
    {
        foreach (var field in resource.Fields)
        {
            if (field is { Kind: FieldKind.Scalar, Scalar: ScalarKind.Enum })
            {
                yield return new GqlEnumType(
                    GraphQLNames.FieldEnum(resource.Name, field.Name),
                    $"The values of {resource.Name}.{field.Name}.",
                    field.EnumValues.Select(v => new GqlEnumValue(v, null, v)).ToArray(),
                    new FieldEnumBinding(resource, field));
            }
        }
    }
}
