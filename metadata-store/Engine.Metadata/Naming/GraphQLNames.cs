using Engine.Metadata.Model;

namespace Engine.Metadata.Naming;

/// <summary>
/// The GraphQL names the OpenCRUD schema generates for a resource (SPEC §3). Validation uses them to reject
/// definitions whose generated names would clash; the schema builder uses them to name what it generates.
/// </summary>
public static class GraphQLNames
{
    /// <summary>Scalars and shared types every schema has; no resource may generate one of these names.</summary>
    public static readonly IReadOnlySet<string> BuiltInTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Query", "Mutation", "Subscription", "ID", "String", "Int", "Float", "Boolean",
        "Long", "Decimal", "DateTime", "Date", "Json", "PageInfo", "BatchPayload", "MutationType", "Node",
    };

    public static string ObjectType(string resource) => resource;
    public static string WhereInput(string resource) => resource + "WhereInput";
    public static string WhereUniqueInput(string resource) => resource + "WhereUniqueInput";
    public static string OrderByInput(string resource) => resource + "OrderByInput";
    public static string CreateInput(string resource) => resource + "CreateInput";
    public static string UpdateInput(string resource) => resource + "UpdateInput";
    public static string UpdateManyMutationInput(string resource) => resource + "UpdateManyMutationInput";
    public static string Connection(string resource) => resource + "Connection";
    public static string Edge(string resource) => resource + "Edge";
    public static string Aggregate(string resource) => "Aggregate" + resource;
    public static string SubscriptionPayload(string resource) => resource + "SubscriptionPayload";
    public static string SubscriptionWhereInput(string resource) => resource + "SubscriptionWhereInput";
    public static string PreviousValues(string resource) => resource + "PreviousValues";

    /// <summary>Nested to-one write input on create: <c>{ create, connect }</c>.</summary>
    public static string CreateOneInput(string target) => target + "CreateOneInput";

    /// <summary>Nested to-many write input on create: <c>{ create: [...], connect: [...] }</c>.</summary>
    public static string CreateManyInput(string target) => target + "CreateManyInput";

    /// <summary>Nested to-one write input on update: adds <c>disconnect</c>, <c>delete</c>, <c>update</c>, <c>upsert</c>.</summary>
    public static string UpdateOneInput(string target) => target + "UpdateOneInput";

    /// <summary>Nested to-many write input on update: adds <c>set</c>, <c>disconnect</c>, <c>delete</c>, ...</summary>
    public static string UpdateManyInput(string target) => target + "UpdateManyInput";

    /// <summary>The enum type of an <c>Enum</c> field: <c>&lt;Resource&gt;&lt;Field&gt;</c>, e.g. <c>InvoiceStatus</c>.</summary>
    public static string FieldEnum(string resource, string field) => resource + NameConventions.ToPascalCase(field);

    /// <summary>Every type name one resource generates (enum types of its fields included).</summary>
    public static IEnumerable<string> TypesOf(string resource, IEnumerable<(string Field, bool IsEnum)> fields)
    {
        yield return ObjectType(resource);
        yield return WhereInput(resource);
        yield return WhereUniqueInput(resource);
        yield return OrderByInput(resource);
        yield return CreateInput(resource);
        yield return UpdateInput(resource);
        yield return UpdateManyMutationInput(resource);
        yield return Connection(resource);
        yield return Edge(resource);
        yield return Aggregate(resource);
        yield return SubscriptionPayload(resource);
        yield return SubscriptionWhereInput(resource);
        yield return PreviousValues(resource);
        yield return CreateOneInput(resource);
        yield return CreateManyInput(resource);
        yield return UpdateOneInput(resource);
        yield return UpdateManyInput(resource);
        foreach (var (field, isEnum) in fields)
        {
            if (isEnum)
            {
                yield return FieldEnum(resource, field);
            }
        }
    }

    /// <summary><c>post</c> (find unique; also the subscription field).</summary>
    public static string FindUnique(string resource) => NameConventions.ToCamelCase(resource);

    /// <summary><c>posts</c>.</summary>
    public static string FindMany(string plural) => NameConventions.ToCamelCase(plural);

    /// <summary><c>postsConnection</c>.</summary>
    public static string ConnectionField(string plural) => NameConventions.ToCamelCase(plural) + "Connection";

    public static string Create(string resource) => "create" + resource;
    public static string Update(string resource) => "update" + resource;
    public static string Upsert(string resource) => "upsert" + resource;
    public static string Delete(string resource) => "delete" + resource;
    public static string UpdateMany(string plural) => "updateMany" + plural;
    public static string DeleteMany(string plural) => "deleteMany" + plural;

    /// <summary>Every root field name (Query, Mutation and Subscription) one resource generates.</summary>
    public static IEnumerable<string> RootFieldsOf(string resource, string plural)
    {
        yield return FindUnique(resource);
        yield return FindMany(plural);
        yield return ConnectionField(plural);
        yield return Create(resource);
        yield return Update(resource);
        yield return Upsert(resource);
        yield return Delete(resource);
        yield return UpdateMany(plural);
        yield return DeleteMany(plural);
    }

    /// <summary>The order-by enum value of a field: <c>views_DESC</c>.</summary>
    public static string OrderByValue(FieldModel field, bool descending) => field.Name + (descending ? "_DESC" : "_ASC");
}
