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

    /// <summary>One item of a nested to-many <c>update</c>: <c>{ where: &lt;T&gt;WhereUniqueInput!, data: &lt;T&gt;UpdateInput! }</c>.</summary>
    public static string UpdateWithWhereUniqueNestedInput(string target) => target + "UpdateWithWhereUniqueNestedInput";

    /// <summary>One item of a nested to-many <c>upsert</c>: <c>{ where, update, create }</c>.</summary>
    public static string UpsertWithWhereUniqueNestedInput(string target) => target + "UpsertWithWhereUniqueNestedInput";

    /// <summary>One item of a nested to-many <c>updateMany</c>: <c>{ where: &lt;T&gt;WhereInput!, data: &lt;T&gt;UpdateManyMutationInput! }</c>.</summary>
    public static string UpdateManyWithWhereNestedInput(string target) => target + "UpdateManyWithWhereNestedInput";

    /// <summary>A nested to-one <c>upsert</c>: <c>{ update, create }</c>.</summary>
    public static string UpsertNestedInput(string target) => target + "UpsertNestedInput";

    /// <summary>
    /// Nested create data through a relation whose other side is <paramref name="field"/> of <paramref name="target"/>:
    /// the target's create input without that back-reference, which the nested write sets (<c>CommentCreateWithoutPostInput</c>).
    /// </summary>
    public static string CreateWithoutInput(string target, string field) => target + "CreateWithout" + NameConventions.ToPascalCase(field) + "Input";

    /// <summary>Nested update data without the back-reference <paramref name="field"/>.</summary>
    public static string UpdateWithoutDataInput(string target, string field) => target + "UpdateWithout" + NameConventions.ToPascalCase(field) + "DataInput";

    /// <summary><see cref="CreateOneInput"/> through a relation with a back-reference.</summary>
    public static string CreateOneWithoutInput(string target, string field) => target + "CreateOneWithout" + NameConventions.ToPascalCase(field) + "Input";

    /// <summary><see cref="CreateManyInput"/> through a relation with a back-reference.</summary>
    public static string CreateManyWithoutInput(string target, string field) => target + "CreateManyWithout" + NameConventions.ToPascalCase(field) + "Input";

    /// <summary><see cref="UpdateOneInput"/> through a relation with a back-reference.</summary>
    public static string UpdateOneWithoutInput(string target, string field) => target + "UpdateOneWithout" + NameConventions.ToPascalCase(field) + "Input";

    /// <summary><see cref="UpdateManyInput"/> through a relation with a back-reference.</summary>
    public static string UpdateManyWithoutInput(string target, string field) => target + "UpdateManyWithout" + NameConventions.ToPascalCase(field) + "Input";

    /// <summary><see cref="UpdateWithWhereUniqueNestedInput"/> through a relation with a back-reference.</summary>
    public static string UpdateWithWhereUniqueWithoutInput(string target, string field) =>
        target + "UpdateWithWhereUniqueWithout" + NameConventions.ToPascalCase(field) + "Input";

    /// <summary><see cref="UpsertWithWhereUniqueNestedInput"/> through a relation with a back-reference.</summary>
    public static string UpsertWithWhereUniqueWithoutInput(string target, string field) =>
        target + "UpsertWithWhereUniqueWithout" + NameConventions.ToPascalCase(field) + "Input";

    /// <summary><see cref="UpsertNestedInput"/> through a relation with a back-reference.</summary>
    public static string UpsertWithoutInput(string target, string field) => target + "UpsertWithout" + NameConventions.ToPascalCase(field) + "Input";

    /// <summary>
    /// The nested write input types a resource generates for its relation field <paramref name="field"/> when that field
    /// is the other side of a relation. Validation reserves them for every relation field, whether or not anything
    /// names it as an inverse yet, so that adding an inverse elsewhere can never make a name clash.
    /// </summary>
    public static IEnumerable<string> BackReferenceTypesOf(string resource, string field)
    {
        yield return CreateWithoutInput(resource, field);
        yield return UpdateWithoutDataInput(resource, field);
        yield return CreateOneWithoutInput(resource, field);
        yield return CreateManyWithoutInput(resource, field);
        yield return UpdateOneWithoutInput(resource, field);
        yield return UpdateManyWithoutInput(resource, field);
        yield return UpdateWithWhereUniqueWithoutInput(resource, field);
        yield return UpsertWithWhereUniqueWithoutInput(resource, field);
        yield return UpsertWithoutInput(resource, field);
    }

    /// <summary>The enum type of an <c>Enum</c> field: <c>&lt;Resource&gt;&lt;Field&gt;</c>, e.g. <c>InvoiceStatus</c>.</summary>
    public static string FieldEnum(string resource, string field) => resource + NameConventions.ToPascalCase(field);

    /// <summary>
    /// Every type name one resource generates from its name and its enum fields; <see cref="BackReferenceTypesOf"/>
    /// adds those of its relation fields.
    /// </summary>
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
        yield return UpdateWithWhereUniqueNestedInput(resource);
        yield return UpsertWithWhereUniqueNestedInput(resource);
        yield return UpdateManyWithWhereNestedInput(resource);
        yield return UpsertNestedInput(resource);
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
