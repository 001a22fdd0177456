using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.GraphQL.Schema;

public static partial class OpenCrudSchemaBuilder
{
    /// <summary>
    /// What the operations of a nested write do, and in which order, for the type descriptions: the planner runs them in
    /// this order whatever the order in the input.
    /// </summary>
    private const string ToManyOrder = "Operations run in this order: set, disconnect, delete, deleteMany, update, updateMany, upsert, create, connect.";

    /// <summary>
    /// The nested write inputs through which other resources write <paramref name="resource"/>: the shared
    /// <c>&lt;R&gt;CreateOneInput</c> family for relations without a back-reference, and for each relation field of
    /// <paramref name="resource"/> that is the other side of a relation, the family without that field.
    /// </summary>
    private static IEnumerable<GqlInputObjectType> NestedWriteInputs(
        ResourceModel resource, SchemaModel model, GqlInputObjectType? update, GqlInputObjectType? updateMany)
    {
        var shared = NestedWriteNames.Of(resource.Name, null);
        foreach (var type in NestedWriteFamily(resource, shared, toOne: true, toMany: true, update is not null))
        {
            yield return type;
        }

        if (updateMany is not null)
        {
            yield return new GqlInputObjectType(GraphQLNames.UpdateManyWithWhereNestedInput(resource.Name),
                $"Changes to every related {resource.Name} matching the where.",
                [
                    new GqlInputField("where", GqlTypeRef.NonNullNamed(GraphQLNames.WhereInput(resource.Name)), "Which related records to change."),
                    new GqlInputField("data", GqlTypeRef.NonNullNamed(updateMany.Name), "The changes."),
                ]);
        }

        foreach (var field in resource.Fields)
        {
            if (field.Relation is null || RelationSides.OtherSide(model, resource, field) is not { } otherSide)
            {
                continue;
            }

            yield return CreateInput(resource, model, without: field);
            var updateData = UpdateInput(resource, model, without: field);
            if (updateData is not null)
            {
                yield return updateData;
            }

            var toOne = otherSide.Kind == FieldKind.ToOne;
            foreach (var type in NestedWriteFamily(resource, NestedWriteNames.Of(resource.Name, field), toOne, !toOne, updateData is not null))
            {
                yield return type;
            }
        }
    }

    private static IEnumerable<GqlInputObjectType> NestedWriteFamily(
        ResourceModel resource, NestedWriteNames names, bool toOne, bool toMany, bool hasUpdate)
    {
        if (toOne)
        {
            yield return CreateOneInput(resource, names);
            yield return UpdateOneInput(resource, names, hasUpdate);
            if (hasUpdate)
            {
                yield return new GqlInputObjectType(names.UpsertOne, $"Updates the connected {resource.Name}, or creates and connects one.",
                    [
                        new GqlInputField("update", GqlTypeRef.NonNullNamed(names.UpdateData), "The changes when one is connected."),
                        new GqlInputField("create", GqlTypeRef.NonNullNamed(names.CreateData), "The new record when none is."),
                    ]);
            }
        }

        if (toMany)
        {
            yield return CreateManyInput(resource, names);
            yield return UpdateManyInput(resource, names, hasUpdate);
            if (hasUpdate)
            {
                var where = GqlTypeRef.NonNullNamed(GraphQLNames.WhereUniqueInput(resource.Name));
                yield return new GqlInputObjectType(names.UpdateWithWhereUnique, $"Changes to one related {resource.Name}.",
                    [
                        new GqlInputField("where", where, "Which related record to change."),
                        new GqlInputField("data", GqlTypeRef.NonNullNamed(names.UpdateData), "The changes."),
                    ]);
                yield return new GqlInputObjectType(names.UpsertWithWhereUnique,
                    $"Updates the related {resource.Name} matching the where, or creates and relates one.",
                    [
                        new GqlInputField("where", where, "Which related record to change."),
                        new GqlInputField("update", GqlTypeRef.NonNullNamed(names.UpdateData), "The changes when it exists."),
                        new GqlInputField("create", GqlTypeRef.NonNullNamed(names.CreateData), "The new record when it does not."),
                    ]);
            }
        }
    }

    /// <summary><c>{ create, connect }</c>: how a new record points a to-one relation at one <paramref name="resource"/> (exactly one of them).</summary>
    private static GqlInputObjectType CreateOneInput(ResourceModel resource, NestedWriteNames names) =>
        new(names.CreateOne, $"Points a new record's relation at one {resource.Name}: give exactly one of create or connect.",
            [
                new GqlInputField("create", GqlTypeRef.Named(names.CreateData), $"A new {resource.Name} to create and point at.",
                    Binding: NestedWriteOperation.Create),
                new GqlInputField("connect", GqlTypeRef.Named(GraphQLNames.WhereUniqueInput(resource.Name)),
                    $"The existing {resource.Name} to point at.", Binding: NestedWriteOperation.Connect),
            ],
            new NestedWriteInputBinding(resource, ForUpdate: false));

    /// <summary><c>{ create, connect, disconnect, delete, update, upsert }</c>: how an update changes a to-one relation (exactly one of them).</summary>
    private static GqlInputObjectType UpdateOneInput(ResourceModel resource, NestedWriteNames names, bool hasUpdate)
    {
        var fields = new List<GqlInputField>(6)
        {
            new("create", GqlTypeRef.Named(names.CreateData), $"A new {resource.Name} to create and point at.", Binding: NestedWriteOperation.Create),
            new("connect", GqlTypeRef.Named(GraphQLNames.WhereUniqueInput(resource.Name)), $"The existing {resource.Name} to point at.",
                Binding: NestedWriteOperation.Connect),
            new("disconnect", GqlTypeRef.Named(ScalarTypes.Boolean), "true clears the relation (optional relations only).",
                Binding: NestedWriteOperation.Disconnect),
            new("delete", GqlTypeRef.Named(ScalarTypes.Boolean), $"true deletes the connected {resource.Name} (optional relations only).",
                Binding: NestedWriteOperation.Delete),
        };
        if (hasUpdate)
        {
            fields.Add(new("update", GqlTypeRef.Named(names.UpdateData), $"Changes to the connected {resource.Name}.", Binding: NestedWriteOperation.Update));
            fields.Add(new("upsert", GqlTypeRef.Named(names.UpsertOne), $"Updates the connected {resource.Name}, or creates and connects one.",
                Binding: NestedWriteOperation.Upsert));
        }

        return new GqlInputObjectType(names.UpdateOne, $"Changes a relation to one {resource.Name}: give exactly one operation.", fields,
            new NestedWriteInputBinding(resource, ForUpdate: true));
    }

    /// <summary><c>{ create: [...], connect: [...] }</c>: the <paramref name="resource"/> records a new record's to-many relation holds.</summary>
    private static GqlInputObjectType CreateManyInput(ResourceModel resource, NestedWriteNames names) =>
        new(names.CreateMany, $"The {resource.Plural} a new record's relation holds: created ones, then connected ones.",
            [
                new GqlInputField("create", ListOf(names.CreateData), $"New {resource.Plural} to create and relate.", Binding: NestedWriteOperation.Create),
                new GqlInputField("connect", ListOf(GraphQLNames.WhereUniqueInput(resource.Name)), $"Existing {resource.Plural} to relate.",
                    Binding: NestedWriteOperation.Connect),
            ],
            new NestedWriteInputBinding(resource, ForUpdate: false));

    /// <summary>Every to-many nested write an update may make (SPEC §3).</summary>
    private static GqlInputObjectType UpdateManyInput(ResourceModel resource, NestedWriteNames names, bool hasUpdate)
    {
        var whereUnique = GraphQLNames.WhereUniqueInput(resource.Name);
        var fields = new List<GqlInputField>(9)
        {
            new("create", ListOf(names.CreateData), $"New {resource.Plural} to create and relate.", Binding: NestedWriteOperation.Create),
            new("connect", ListOf(whereUnique), $"Existing {resource.Plural} to relate.", Binding: NestedWriteOperation.Connect),
            new("set", ListOf(whereUnique), $"Exactly the {resource.Plural} to relate; others are unrelated.", Binding: NestedWriteOperation.Set),
            new("disconnect", ListOf(whereUnique), $"Related {resource.Plural} to unrelate.", Binding: NestedWriteOperation.Disconnect),
            new("delete", ListOf(whereUnique), $"Related {resource.Plural} to delete.", Binding: NestedWriteOperation.Delete),
        };
        if (hasUpdate)
        {
            fields.Add(new("update", ListOf(names.UpdateWithWhereUnique), $"Changes to related {resource.Plural}.", Binding: NestedWriteOperation.Update));
        }

        if (resource.Fields.Any(f => !f.IsSystem && f.Kind == FieldKind.Scalar))
        {
            fields.Add(new("updateMany", ListOf(GraphQLNames.UpdateManyWithWhereNestedInput(resource.Name)),
                $"Changes to every related {resource.Name} matching a where.", Binding: NestedWriteOperation.UpdateMany));
        }

        fields.Add(new("deleteMany", ListOf(GraphQLNames.WhereInput(resource.Name)), $"Deletes every related {resource.Name} matching a where.",
            Binding: NestedWriteOperation.DeleteMany));
        if (hasUpdate)
        {
            fields.Add(new("upsert", ListOf(names.UpsertWithWhereUnique), $"Updates related {resource.Plural}, or creates and relates them.",
                Binding: NestedWriteOperation.Upsert));
        }

        return new GqlInputObjectType(names.UpdateMany, $"Changes a relation to many {resource.Plural}. {ToManyOrder}", fields,
            new NestedWriteInputBinding(resource, ForUpdate: true));
    }

    private static GqlTypeRef ListOf(string itemType) => GqlTypeRef.ListOf(GqlTypeRef.NonNullNamed(itemType));
}
