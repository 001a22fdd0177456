using Engine.Metadata.Definitions;
using Engine.Metadata.Model;

namespace Engine.Metadata.Naming;

/// <summary>
/// The protobuf names the gRPC API generates for a resource (SPEC §4). Validation uses them to reject
/// definitions whose generated names would clash; the descriptor builder uses them to name what it generates.
/// </summary>
public static class ProtoNames
{
    /// <summary>The protobuf package of every generated file.</summary>
    public const string Package = "engine.data.v1";

    /// <summary>The system field <c>id</c> (number 1).</summary>
    public const string IdField = "id";

    /// <summary>The system field <c>createdAt</c> as a message field (number 2).</summary>
    public const string CreateTimeField = "create_time";

    /// <summary>The system field <c>updatedAt</c> as a message field (number 3).</summary>
    public const string UpdateTimeField = "update_time";

    /// <summary>The file of one resource: <c>engine/data/v1/invoice_line.proto</c>.</summary>
    public static string File(string resource) => "engine/data/v1/" + NameConventions.ToSnakeCase(resource) + ".proto";

    /// <summary>The fully qualified name of a generated type: <c>engine.data.v1.Post</c>.</summary>
    public static string FullName(string name) => Package + "." + name;

    public static string Message(string resource) => resource;
    public static string Service(string resource) => resource + "Service";
    public static string GetRequest(string resource) => "Get" + resource + "Request";
    public static string ListRequest(string plural) => "List" + plural + "Request";
    public static string ListResponse(string plural) => "List" + plural + "Response";
    public static string CreateRequest(string resource) => "Create" + resource + "Request";
    public static string UpdateRequest(string resource) => "Update" + resource + "Request";
    public static string DeleteRequest(string resource) => "Delete" + resource + "Request";
    public static string WatchRequest(string plural) => "Watch" + plural + "Request";
    public static string Event(string resource) => resource + "Event";

    public static string GetMethod(string resource) => "Get" + resource;
    public static string ListMethod(string plural) => "List" + plural;
    public static string CreateMethod(string resource) => "Create" + resource;
    public static string UpdateMethod(string resource) => "Update" + resource;
    public static string DeleteMethod(string resource) => "Delete" + resource;
    public static string WatchMethod(string plural) => "Watch" + plural;

    /// <summary>The repeated field of a list response: <c>repeated Post posts = 1</c>.</summary>
    public static string ListResponseItems(string plural) => NameConventions.ToSnakeCase(plural);

    /// <summary>Every package-level name (messages and the service) one resource generates.</summary>
    public static IEnumerable<string> TypesOf(string resource, string plural)
    {
        yield return Message(resource);
        yield return Service(resource);
        yield return GetRequest(resource);
        yield return ListRequest(plural);
        yield return ListResponse(plural);
        yield return CreateRequest(resource);
        yield return UpdateRequest(resource);
        yield return DeleteRequest(resource);
        yield return WatchRequest(plural);
        yield return Event(resource);
    }

    /// <summary>A scalar field: <c>issuedOn</c> → <c>issued_on</c>.</summary>
    public static string ScalarField(string field) => NameConventions.ToSnakeCase(field);

    /// <summary>A to-one relation: <c>customer</c> → <c>customer_id</c>.</summary>
    public static string ToOneField(string field) => NameConventions.ToSnakeCase(field) + "_id";

    /// <summary>A to-many relation without inverse: <c>tags</c> → <c>tags_ids</c>.</summary>
    public static string ToManyField(string field) => NameConventions.ToSnakeCase(field) + "_ids";

    /// <summary>
    /// The message field of a declared field, or null when it has none (a to-many relation with an inverse).
    /// The definition must have a known type (and a cardinality, for relations).
    /// </summary>
    public static string? Field(FieldDefinition field)
    {
        if (field.Type != FieldTypes.Relation)
        {
            return ScalarField(field.Name);
        }

        if (field.Cardinality == "one")
        {
            return ToOneField(field.Name);
        }

        return field.Inverse is null ? ToManyField(field.Name) : null;
    }

    /// <summary>The message field of a resolved field (system fields included), or null when it has none.</summary>
    public static string? Field(FieldModel field) => field.Name switch
    {
        "id" when field.IsSystem => IdField,
        "createdAt" when field.IsSystem => CreateTimeField,
        "updatedAt" when field.IsSystem => UpdateTimeField,
        _ => field.Kind switch
        {
            FieldKind.Scalar => ScalarField(field.Name),
            FieldKind.ToOne => ToOneField(field.Name),
            _ => field.Relation?.Inverse is null ? ToManyField(field.Name) : null,
        },
    };

    /// <summary>
    /// The enum type of an <c>Enum</c> field, nested in the resource's message: <c>status</c> → <c>Status</c>.
    /// Nesting keeps the values in the message's scope, so two resources may both have a <c>status</c>.
    /// </summary>
    public static string EnumType(string field) => NameConventions.ToPascalCase(field);

    /// <summary>The zero value of an enum field: <c>STATUS_UNSPECIFIED</c>.</summary>
    public static string EnumUnspecifiedValue(string field) => NameConventions.ToUpperSnakeCase(field) + "_UNSPECIFIED";

    /// <summary>
    /// A declared enum value, prefixed like the zero value (<c>STATUS_DRAFT</c>): protobuf enum values share the
    /// scope of their enclosing message, so two enum fields of one resource must not produce the same name.
    /// </summary>
    public static string EnumValue(string field, string value) => NameConventions.ToUpperSnakeCase(field) + "_" + value;
}
