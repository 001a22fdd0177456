using Engine.Metadata.Model;
using Engine.Metadata.Naming;

namespace Engine.GraphQL.Schema;

public static partial class OpenCrudSchemaBuilder
{
    private static readonly GqlInputField SkipArgument = new("skip", GqlTypeRef.Named(ScalarTypes.Int), "Rows to skip after ordering.");
    private static readonly GqlInputField FirstArgument = new("first", GqlTypeRef.Named(ScalarTypes.Int), "At most this many rows from the start.");
    private static readonly GqlInputField LastArgument = new("last", GqlTypeRef.Named(ScalarTypes.Int), "At most this many rows from the end.");

    private static GqlObjectType ObjectType(ResourceModel resource)
    {
        var fields = new GqlField[resource.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = ObjectField(resource, resource.Fields[i]);
        }

        return new GqlObjectType(GraphQLNames.ObjectType(resource.Name), resource.Definition.Description, fields);
    }

    private static GqlField ObjectField(ResourceModel resource, FieldModel field)
    {
        var binding = new ResourceFieldBinding(resource, field);
        var description = field.Description ?? SystemFieldDescription(field);
        switch (field.Kind)
        {
            case FieldKind.ToOne:
                var target = GqlTypeRef.Named(GraphQLNames.ObjectType(field.Relation!.Target));
                return new GqlField(field.Name, field.Required ? GqlTypeRef.NonNull(target) : target, description, binding: binding);
            case FieldKind.ToMany:
                var many = field.Relation!.Target;
                return new GqlField(field.Name, NonNullListOfNonNull(GraphQLNames.ObjectType(many)), description,
                    ListArguments(many), binding);
            default:
                var type = GqlTypeRef.Named(ValueTypeName(resource, field));
                return new GqlField(field.Name, field.Required ? GqlTypeRef.NonNull(type) : type, description, binding: binding);
        }
    }

    /// <summary><c>where, orderBy, skip, after, before, first, last</c> of a list of <paramref name="resource"/> records.</summary>
    private static GqlInputField[] ListArguments(string resource) =>
    [
        new("where", GqlTypeRef.Named(GraphQLNames.WhereInput(resource)), "Only the records matching this filter."),
        new("orderBy", GqlTypeRef.Named(GraphQLNames.OrderByInput(resource)), "Sort order; ties are broken by id."),
        SkipArgument,
        AfterArgument,
        BeforeArgument,
        FirstArgument,
        LastArgument,
    ];

    private static string? SystemFieldDescription(FieldModel field) => field.IsSystem
        ? field.Name switch
        {
            "id" => "The record's identity (a UUID).",
            "createdAt" => "When the record was created.",
            _ => "When the record was last changed.",
        }
        : null;

    private static GqlTypeRef NonNullListOfNonNull(string name) => GqlTypeRef.NonNull(GqlTypeRef.ListOf(GqlTypeRef.NonNullNamed(name)));
}
