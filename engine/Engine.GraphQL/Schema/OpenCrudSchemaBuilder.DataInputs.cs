using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.GraphQL.Schema;

public static partial class OpenCrudSchemaBuilder
{
    private static GqlInputObjectType CreateInput(ResourceModel resource)
    {
        var fields = new List<GqlInputField>(resource.Fields.Count)
        {
            new("id", GqlTypeRef.Named(ScalarTypes.Id), "The new record's id; the engine makes a UUIDv7 when omitted.", Binding: resource.Id),
        };
        foreach (var field in resource.Fields)
        {
            if (field.IsSystem || field.Kind == FieldKind.ToMany)
            {
                continue;
            }

            // A required field with a default may be omitted: the column default fills it.
            var nonNull = field.Required && (field.Kind == FieldKind.ToOne || !HasDefault(field));
            var type = GqlTypeRef.Named(field.Kind == FieldKind.ToOne
                ? GraphQLNames.CreateOneInput(field.Relation!.Target)
                : ValueTypeName(resource, field));
            fields.Add(new GqlInputField(field.Name, nonNull ? GqlTypeRef.NonNull(type) : type, field.Description, Binding: field));
        }

        return new GqlInputObjectType(GraphQLNames.CreateInput(resource.Name), $"The fields of a new {resource.Name}.", fields,
            new DataInputBinding(resource, DataInputKind.Create));
    }

    /// <summary>Null when the resource has nothing to update (no declared scalar or to-one field): GraphQL forbids empty inputs.</summary>
    private static GqlInputObjectType? UpdateInput(ResourceModel resource)
    {
        var fields = new List<GqlInputField>(resource.Fields.Count);
        foreach (var field in resource.Fields)
        {
            if (field.IsSystem || field.Kind == FieldKind.ToMany)
            {
                continue;
            }

            var type = field.Kind == FieldKind.ToOne
                ? GraphQLNames.UpdateOneInput(field.Relation!.Target)
                : ValueTypeName(resource, field);
            fields.Add(new GqlInputField(field.Name, GqlTypeRef.Named(type), field.Description, Binding: field));
        }

        return fields.Count == 0
            ? null
            : new GqlInputObjectType(GraphQLNames.UpdateInput(resource.Name),
                $"Changes to one {resource.Name}; omitted fields keep their values.", fields,
                new DataInputBinding(resource, DataInputKind.Update));
    }

    /// <summary>Null when the resource has no declared scalar field.</summary>
    private static GqlInputObjectType? UpdateManyMutationInput(ResourceModel resource)
    {
        var fields = resource.Fields
            .Where(f => !f.IsSystem && f.Kind == FieldKind.Scalar)
            .Select(f => new GqlInputField(f.Name, GqlTypeRef.Named(ValueTypeName(resource, f)), f.Description, Binding: f))
            .ToArray();
        return fields.Length == 0
            ? null
            : new GqlInputObjectType(GraphQLNames.UpdateManyMutationInput(resource.Name),
                $"Changes to every matching {resource.Name}; omitted fields keep their values.", fields,
                new DataInputBinding(resource, DataInputKind.UpdateMany));
    }

    /// <summary><c>&lt;R&gt;CreateOneInput</c>: how a new record of another resource points at one <paramref name="resource"/>.</summary>
    private static GqlInputObjectType CreateOneInput(ResourceModel resource) =>
        new(GraphQLNames.CreateOneInput(resource.Name), $"Points a new record's relation at one {resource.Name}.",
            [
                new GqlInputField("connect", GqlTypeRef.NonNullNamed(GraphQLNames.WhereUniqueInput(resource.Name)),
                    $"The existing {resource.Name} to point at.", Binding: NestedWriteOperation.Connect),
            ],
            new NestedWriteInputBinding(resource, ForUpdate: false));

    /// <summary><c>&lt;R&gt;UpdateOneInput</c>: how an update changes a to-one relation pointing at <paramref name="resource"/>.</summary>
    private static GqlInputObjectType UpdateOneInput(ResourceModel resource) =>
        new(GraphQLNames.UpdateOneInput(resource.Name), $"Changes which {resource.Name} a relation points at.",
            [
                new GqlInputField("connect", GqlTypeRef.Named(GraphQLNames.WhereUniqueInput(resource.Name)),
                    $"The existing {resource.Name} to point at.", Binding: NestedWriteOperation.Connect),
                new GqlInputField("disconnect", GqlTypeRef.Named(ScalarTypes.Boolean),
                    "true clears the relation (optional relations only).", Binding: NestedWriteOperation.Disconnect),
            ],
            new NestedWriteInputBinding(resource, ForUpdate: true));
}
