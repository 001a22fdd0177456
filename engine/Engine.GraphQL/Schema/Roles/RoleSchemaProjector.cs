using Engine.GraphQL.Introspection;
using Engine.Metadata.Model;
using Engine.Query.Access;
using Engine.Query.Plans;

namespace Engine.GraphQL.Schema.Roles;

/// <summary>
/// Projects the full (admin) schema onto what a set of roles may use (SPEC §6): root fields of actions the roles lack,
/// fields they cannot read (object types, where, where-unique and order-by inputs, relations to resources they cannot
/// read) and fields they cannot write (create and update inputs, nested writes of actions they lack) are left out, then
/// every type that lost something it required or that nothing reaches any more. The projection reuses the full
/// schema's types and bindings, so planning works on it unchanged; it is a filter over the one builder's output, not a
/// second builder. A resource the roles may write but not read keeps an object type with only <c>id</c>, for the
/// results of its mutations.
/// </summary>
public static class RoleSchemaProjector
{
    /// <summary>The part of <paramref name="full"/> that <paramref name="grants"/> allow.</summary>
    public static GqlSchema Project(GqlSchema full, SchemaModel model, RoleGrants grants)
    {
        var kept = new Dictionary<string, GqlNamedType>(full.Types.Count, StringComparer.Ordinal);
        foreach (var (name, type) in full.Types)
        {
            if (Filter(type, model, grants) is { } filtered)
            {
                kept.Add(name, filtered);
            }
        }

        while (DropDangling(kept))
        {
        }

        // In the full schema's order, so introspection and printing list types as they do for the full schema.
        var reached = Reachable(kept);
        var reachable = new Dictionary<string, GqlNamedType>(reached.Count, StringComparer.Ordinal);
        foreach (var name in full.Types.Keys)
        {
            if (reached.TryGetValue(name, out var type))
            {
                reachable.Add(name, type);
            }
        }

        return new GqlSchema(reachable, full.Query.Name,
            full.Mutation is { } mutation && reachable.ContainsKey(mutation.Name) ? mutation.Name : null,
            full.Subscription is { } subscription && reachable.ContainsKey(subscription.Name) ? subscription.Name : null);
    }

    /// <summary>The type with the members the roles may use; null when the roles may not use it at all.</summary>
    private static GqlNamedType? Filter(GqlNamedType type, SchemaModel model, RoleGrants grants) => type switch
    {
        GqlObjectType objectType => Keep(objectType, f => KeepsOutputField(f, model, grants)),
        GqlInputObjectType input => FilterInput(input, model, grants),
        GqlEnumType { Binding: OrderByEnumBinding orderBy } enumType =>
            Keep(enumType, v => v.Binding is not OrderBy o || Readable(orderBy.Resource, o.Field, model, grants)),
        _ => type,
    };

    private static bool KeepsOutputField(GqlField field, SchemaModel model, RoleGrants grants) => field.Binding switch
    {
        RootFieldBinding root => RootAllowed(root.Operation, root.Resource, grants),
        SubscriptionFieldBinding subscription => grants.Allows(subscription.Resource, AccessAction.Read),
        ResourceFieldBinding resourceField => Readable(resourceField.Resource, resourceField.Field, model, grants),
        _ => true,
    };

    private static GqlInputObjectType? FilterInput(GqlInputObjectType input, SchemaModel model, RoleGrants grants)
    {
        switch (input.Binding)
        {
            case WhereInputBinding where:
                return grants.Sees(where.Resource)
                    ? Keep(input, f => f.Binding is not WhereFieldBinding w || Readable(where.Resource, w.Field, model, grants))
                    : null;
            case WhereUniqueInputBinding unique:
                return grants.Sees(unique.Resource)
                    ? Keep(input, f => f.Binding is not FieldModel field || Readable(unique.Resource, field, model, grants))
                    : null;
            case DataInputBinding data:
                var action = data.Kind == DataInputKind.Create ? AccessAction.Create : AccessAction.Update;
                return grants.Allows(data.Resource, action)
                    ? Keep(input, f => f.Binding is not FieldModel field || grants.CanUse(data.Resource, action, field))
                    : null;
            case NestedWriteInputBinding nested:
                return grants.Sees(nested.Target)
                    ? Keep(input, f => f.Binding is not NestedWriteOperation operation || NestedAllowed(operation, nested.Target, grants))
                    : null;
            case SubscriptionWhereInputBinding subscription:
                return grants.Allows(subscription.Resource, AccessAction.Read) ? input : null;
            default:
                return input;
        }
    }

    /// <summary>
    /// A field the roles may read: one of the read grant's fields (only <c>id</c> without a read grant, for mutation
    /// results), and for a relation, only when the target is readable too.
    /// </summary>
    private static bool Readable(ResourceModel resource, FieldModel field, SchemaModel model, RoleGrants grants)
    {
        if (!grants.Allows(resource, AccessAction.Read))
        {
            return field.Name == "id" && grants.Sees(resource);
        }

        return grants.CanUse(resource, AccessAction.Read, field)
            && (field.Relation is null || (model.Resource(field.Relation.Target) is { } target && grants.Allows(target, AccessAction.Read)));
    }

    private static bool RootAllowed(RootOperation operation, ResourceModel resource, RoleGrants grants) => operation switch
    {
        RootOperation.FindUnique or RootOperation.FindMany or RootOperation.Connection => grants.Allows(resource, AccessAction.Read),
        RootOperation.Create => grants.Allows(resource, AccessAction.Create),
        RootOperation.Update or RootOperation.UpdateMany => grants.Allows(resource, AccessAction.Update),
        RootOperation.Upsert => grants.Allows(resource, AccessAction.Update) && grants.Allows(resource, AccessAction.Create),
        _ => grants.Allows(resource, AccessAction.Delete),
    };

    /// <summary>Nested create, update and delete need that action on the target; connect, disconnect and set are checked when they run.</summary>
    private static bool NestedAllowed(NestedWriteOperation operation, ResourceModel target, RoleGrants grants) => operation switch
    {
        NestedWriteOperation.Create => grants.Allows(target, AccessAction.Create),
        NestedWriteOperation.Update or NestedWriteOperation.UpdateMany => grants.Allows(target, AccessAction.Update),
        NestedWriteOperation.Upsert => grants.Allows(target, AccessAction.Update) && grants.Allows(target, AccessAction.Create),
        NestedWriteOperation.Delete or NestedWriteOperation.DeleteMany => grants.Allows(target, AccessAction.Delete),
        _ => true,
    };

    /// <summary>
    /// Removes what refers to a removed type: an output field (or the argument, when optional); an input field when
    /// optional, else its whole input type; and types left empty. True when anything was removed (run again).
    /// </summary>
    private static bool DropDangling(Dictionary<string, GqlNamedType> kept)
    {
        var changed = false;
        foreach (var (name, type) in kept.ToArray())
        {
            GqlNamedType? next = type switch
            {
                GqlObjectType objectType => DropDangling(objectType, kept),
                GqlInputObjectType input => input.Fields.Any(f => f.Type.IsNonNull && !kept.ContainsKey(f.Type.NamedType))
                    ? null
                    : Keep(input, f => kept.ContainsKey(f.Type.NamedType)),
                _ => type,
            };
            if (!ReferenceEquals(next, type))
            {
                changed = true;
                if (next is null)
                {
                    kept.Remove(name);
                }
                else
                {
                    kept[name] = next;
                }
            }
        }

        return changed;
    }

    private static GqlObjectType? DropDangling(GqlObjectType type, Dictionary<string, GqlNamedType> kept)
    {
        List<GqlField>? fields = null;
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            var next = !kept.ContainsKey(field.Type.NamedType) || field.Arguments.Any(a => a.Type.IsNonNull && !kept.ContainsKey(a.Type.NamedType))
                ? null
                : field.Arguments.All(a => kept.ContainsKey(a.Type.NamedType))
                    ? field
                    : new GqlField(field.Name, field.Type, field.Description, field.Arguments.Where(a => kept.ContainsKey(a.Type.NamedType)).ToArray(),
                        field.Binding, field.DeprecationReason);
            if (fields is null && !ReferenceEquals(next, field))
            {
                fields = [.. type.Fields.Take(i)];
            }

            if (fields is not null && next is not null)
            {
                fields.Add(next);
            }
        }

        return fields is null ? type : fields.Count == 0 ? null : new GqlObjectType(type.Name, type.Description, fields);
    }

    /// <summary>The types reachable from the root types, plus every scalar and introspection type.</summary>
    private static Dictionary<string, GqlNamedType> Reachable(Dictionary<string, GqlNamedType> kept)
    {
        var reached = new Dictionary<string, GqlNamedType>(kept.Count, StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var (name, type) in kept)
        {
            if (type is GqlScalarType || IntrospectionTypes.IsIntrospectionName(name)
                || name is OpenCrudSchemaBuilder.QueryType or OpenCrudSchemaBuilder.MutationType or OpenCrudSchemaBuilder.SubscriptionType)
            {
                pending.Push(name);
            }
        }

        while (pending.TryPop(out var name))
        {
            if (reached.ContainsKey(name) || !kept.TryGetValue(name, out var type))
            {
                continue;
            }

            reached.Add(name, type);
            switch (type)
            {
                case GqlObjectType objectType:
                    foreach (var field in objectType.Fields)
                    {
                        pending.Push(field.Type.NamedType);
                        foreach (var argument in field.Arguments)
                        {
                            pending.Push(argument.Type.NamedType);
                        }
                    }

                    break;
                case GqlInputObjectType input:
                    foreach (var field in input.Fields)
                    {
                        pending.Push(field.Type.NamedType);
                    }

                    break;
            }
        }

        return reached;
    }

    private static GqlObjectType? Keep(GqlObjectType type, Func<GqlField, bool> keep) =>
        type.Fields.All(keep)
            ? type
            : type.Fields.Where(keep).ToArray() is { Length: > 0 } fields ? new GqlObjectType(type.Name, type.Description, fields) : null;

    private static GqlInputObjectType? Keep(GqlInputObjectType type, Func<GqlInputField, bool> keep) =>
        type.Fields.All(keep)
            ? type
            : type.Fields.Where(keep).ToArray() is { Length: > 0 } fields ? new GqlInputObjectType(type.Name, type.Description, fields, type.Binding) : null;

    private static GqlEnumType? Keep(GqlEnumType type, Func<GqlEnumValue, bool> keep) =>
        type.Values.All(keep)
            ? type
            : type.Values.Where(keep).ToArray() is { Length: > 0 } values ? new GqlEnumType(type.Name, type.Description, values, type.Binding) : null;
}
