using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.GraphQL.Schema;

public static partial class OpenCrudSchemaBuilder
{
    /// <summary>
    /// <c>&lt;R&gt;CreateInput</c>, or <c>&lt;R&gt;CreateWithout&lt;Field&gt;Input</c> when <paramref name="without"/> is the
    /// back-reference a nested create through the other side sets by itself. To-one relations take
    /// <c>{ create, connect }</c>, to-many ones <c>{ create: [...], connect: [...] }</c>.
    /// </summary>
    private static GqlInputObjectType CreateInput(ResourceModel resource, SchemaModel model, FieldModel? without = null)
    {
        var fields = new List<GqlInputField>(resource.Fields.Count)
        {
            new("id", GqlTypeRef.Named(ScalarTypes.Id), "The new record's id; the engine makes a UUIDv7 when omitted.", Binding: resource.Id),
        };
        foreach (var field in resource.Fields)
        {
            if (field.IsSystem || ReferenceEquals(field, without))
            {
                continue;
            }

            // A required field with a default may be omitted: the column default fills it.
            var nonNull = field.Required && (field.Kind == FieldKind.ToOne || !HasDefault(field));
            var type = GqlTypeRef.Named(field.Kind == FieldKind.Scalar
                ? ValueTypeName(resource, field)
                : RelationInputName(model, resource, field, forUpdate: false));
            fields.Add(new GqlInputField(field.Name, nonNull ? GqlTypeRef.NonNull(type) : type, field.Description, Binding: field));
        }

        var name = without is null ? GraphQLNames.CreateInput(resource.Name) : GraphQLNames.CreateWithoutInput(resource.Name, without.Name);
        return new GqlInputObjectType(name, $"The fields of a new {resource.Name}.", fields, new DataInputBinding(resource, DataInputKind.Create));
    }

    /// <summary>
    /// <c>&lt;R&gt;UpdateInput</c>, or <c>&lt;R&gt;UpdateWithout&lt;Field&gt;DataInput</c> without a back-reference. Null when
    /// nothing is left to update: GraphQL forbids empty inputs.
    /// </summary>
    private static GqlInputObjectType? UpdateInput(ResourceModel resource, SchemaModel model, FieldModel? without = null)
    {
        var fields = new List<GqlInputField>(resource.Fields.Count);
        foreach (var field in resource.Fields)
        {
            if (field.IsSystem || ReferenceEquals(field, without))
            {
                continue;
            }

            var type = field.Kind == FieldKind.Scalar
                ? ValueTypeName(resource, field)
                : RelationInputName(model, resource, field, forUpdate: true);
            fields.Add(new GqlInputField(field.Name, GqlTypeRef.Named(type), field.Description, Binding: field));
        }

        if (fields.Count == 0)
        {
            return null;
        }

        var name = without is null ? GraphQLNames.UpdateInput(resource.Name) : GraphQLNames.UpdateWithoutDataInput(resource.Name, without.Name);
        return new GqlInputObjectType(name, $"Changes to one {resource.Name}; omitted fields keep their values.", fields,
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

    /// <summary>The nested write input a data input uses for <paramref name="relation"/> of <paramref name="owner"/>.</summary>
    private static string RelationInputName(SchemaModel model, ResourceModel owner, FieldModel relation, bool forUpdate)
    {
        var names = NestedWriteNames.Of(relation.Relation!.Target, RelationSides.OtherSide(model, owner, relation));
        return (relation.Kind == FieldKind.ToOne, forUpdate) switch
        {
            (true, false) => names.CreateOne,
            (true, true) => names.UpdateOne,
            (false, false) => names.CreateMany,
            (false, true) => names.UpdateMany,
        };
    }
}
