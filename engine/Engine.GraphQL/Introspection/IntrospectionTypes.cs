using Engine.GraphQL.Schema;

namespace Engine.GraphQL.Introspection;

/// <summary>
/// The introspection types of the GraphQL specification (October 2021, plus the draft's deprecated input values
/// that graphql-js supports) as schema types, so that validation and <c>__schema.types</c> treat them like any other.
/// </summary>
public static class IntrospectionTypes
{
    private static readonly GqlInputField IncludeDeprecated =
        new("includeDeprecated", GqlTypeRef.Named(ScalarTypes.Boolean), DefaultValue: "false");

    private static readonly GqlTypeRef String = GqlTypeRef.Named(ScalarTypes.String);
    private static readonly GqlTypeRef NonNullString = GqlTypeRef.NonNullNamed(ScalarTypes.String);
    private static readonly GqlTypeRef NonNullBoolean = GqlTypeRef.NonNullNamed(ScalarTypes.Boolean);

    /// <summary><c>__schema: __Schema!</c>, available on the query root only.</summary>
    public static readonly GqlField SchemaField =
        new("__schema", GqlTypeRef.NonNullNamed("__Schema"), "Access the current type schema of this server.");

    /// <summary><c>__type(name: String!): __Type</c>, available on the query root only.</summary>
    public static readonly GqlField TypeField = new("__type", GqlTypeRef.Named("__Type"), "Request the type information of a single type.",
        [new GqlInputField("name", NonNullString)]);

    /// <summary><c>__typename: String!</c>, available on every object type.</summary>
    public static readonly GqlField TypenameField = new("__typename", NonNullString, "The name of the current Object type at runtime.");

    /// <summary>Every introspection type.</summary>
    public static readonly IReadOnlyList<GqlNamedType> All =
    [
        new GqlObjectType("__Schema",
            "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
            [
                new GqlField("description", String),
                new GqlField("types", NonNullList("__Type"), "A list of all types supported by this server."),
                new GqlField("queryType", GqlTypeRef.NonNullNamed("__Type"), "The type that query operations will be rooted at."),
                new GqlField("mutationType", GqlTypeRef.Named("__Type"),
                    "If this server supports mutation, the type that mutation operations will be rooted at."),
                new GqlField("subscriptionType", GqlTypeRef.Named("__Type"),
                    "If this server support subscription, the type that subscription operations will be rooted at."),
                new GqlField("directives", NonNullList("__Directive"), "A list of all directives supported by this server."),
            ]),
        new GqlObjectType("__Type",
            "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.",
            [
                new GqlField("kind", GqlTypeRef.NonNullNamed("__TypeKind")),
                new GqlField("name", String),
                new GqlField("description", String),
                new GqlField("specifiedByURL", String),
                new GqlField("fields", NullableList("__Field"), arguments: [IncludeDeprecated]),
                new GqlField("interfaces", NullableList("__Type")),
                new GqlField("possibleTypes", NullableList("__Type")),
                new GqlField("enumValues", NullableList("__EnumValue"), arguments: [IncludeDeprecated]),
                new GqlField("inputFields", NullableList("__InputValue"), arguments: [IncludeDeprecated]),
                new GqlField("ofType", GqlTypeRef.Named("__Type")),
            ]),
        new GqlObjectType("__Field",
            "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.",
            [
                new GqlField("name", NonNullString),
                new GqlField("description", String),
                new GqlField("args", NonNullList("__InputValue"), arguments: [IncludeDeprecated]),
                new GqlField("type", GqlTypeRef.NonNullNamed("__Type")),
                new GqlField("isDeprecated", NonNullBoolean),
                new GqlField("deprecationReason", String),
            ]),
        new GqlObjectType("__InputValue",
            "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.",
            [
                new GqlField("name", NonNullString),
                new GqlField("description", String),
                new GqlField("type", GqlTypeRef.NonNullNamed("__Type")),
                new GqlField("defaultValue", String, "A GraphQL-formatted string representing the default value for this input value."),
                new GqlField("isDeprecated", NonNullBoolean),
                new GqlField("deprecationReason", String),
            ]),
        new GqlObjectType("__EnumValue",
            "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.",
            [
                new GqlField("name", NonNullString),
                new GqlField("description", String),
                new GqlField("isDeprecated", NonNullBoolean),
                new GqlField("deprecationReason", String),
            ]),
        new GqlObjectType("__Directive",
            "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.",
            [
                new GqlField("name", NonNullString),
                new GqlField("description", String),
                new GqlField("isRepeatable", NonNullBoolean),
                new GqlField("locations", NonNullList("__DirectiveLocation")),
                new GqlField("args", NonNullList("__InputValue"), arguments: [IncludeDeprecated]),
            ]),
        Enum("__TypeKind", "An enum describing what kind of type a given `__Type` is.",
            "SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT", "LIST", "NON_NULL"),
        Enum("__DirectiveLocation",
            "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
            "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
            "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE", "UNION",
            "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION"),
    ];

    /// <summary>True for names the specification reserves (<c>__</c> prefix).</summary>
    public static bool IsIntrospectionName(string name) => name.StartsWith("__", StringComparison.Ordinal);

    private static GqlTypeRef NonNullList(string name) => GqlTypeRef.NonNull(GqlTypeRef.ListOf(GqlTypeRef.NonNullNamed(name)));

    private static GqlTypeRef NullableList(string name) => GqlTypeRef.ListOf(GqlTypeRef.NonNullNamed(name));

    private static GqlEnumType Enum(string name, string description, params string[] values) =>
        new(name, description, values.Select(v => new GqlEnumValue(v)).ToArray());
}
