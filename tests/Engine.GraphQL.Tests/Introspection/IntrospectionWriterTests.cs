using System.Text.Json;
using Engine.GraphQL.Tests.Schema;

namespace Engine.GraphQL.Tests.Introspection;

public class IntrospectionWriterTests
{
    [Fact]
    public void WriteRootField_TypeWithFields_DescribesFieldTypes()
    {
        var data = IntrospectionRunner.Run(SampleModels.Blog,
            """{ __type(name: "Post") { fields { name type { kind name ofType { name } } } } }""").GetProperty("data");

        var fields = data.GetProperty("__type").GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(["id", "createdAt", "updatedAt", "title", "slug", "views", "published", "state", "author"], fields.Keys);
        Assert.Equal("""{"kind":"NON_NULL","name":null,"ofType":{"name":"ID"}}""", fields["id"].GetProperty("type").GetRawText());
        Assert.Equal("""{"kind":"SCALAR","name":"Int","ofType":null}""", fields["views"].GetProperty("type").GetRawText());
        Assert.Equal("""{"kind":"ENUM","name":"PostState","ofType":null}""", fields["state"].GetProperty("type").GetRawText());
        Assert.Equal("""{"kind":"OBJECT","name":"Author","ofType":null}""", fields["author"].GetProperty("type").GetRawText());
    }

    [Fact]
    public void WriteRootField_UnknownType_IsNull()
    {
        var data = IntrospectionRunner.Run(SampleModels.Blog, """{ __type(name: "Nope") { name } }""").GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("__type").ValueKind);
    }

    [Fact]
    public void WriteRootField_AliasesFragmentsAndDirectives_AreHonoured()
    {
        const string query = """
            query Q($withDescription: Boolean!, $name: String!) {
              t: __type(name: $name) {
                kind
                ...Names
                ... on __Type { about: description @include(if: $withDescription) }
                skipped: name @skip(if: true)
                values: enumValues { name isDeprecated }
                __typename
              }
              __typename
            }
            fragment Names on __Type { name n2: name }
            """;

        var data = IntrospectionRunner.Run(SampleModels.Blog, query, """{"withDescription": false, "name": "PostState"}""").GetProperty("data");

        Assert.Equal(
            """{"kind":"ENUM","name":"PostState","n2":"PostState","values":[{"name":"DRAFT","isDeprecated":false},{"name":"LIVE","isDeprecated":false}],"__typename":"__Type"}""",
            data.GetProperty("t").GetRawText());
        Assert.Equal("Query", data.GetProperty("__typename").GetString());
    }

    [Fact]
    public void WriteRootField_SameKeyTwice_MergesSelections()
    {
        var data = IntrospectionRunner.Run(SampleModels.Blog, "{ __schema { queryType { name } } __schema { mutationType { name } } }")
            .GetProperty("data");

        Assert.Equal("""{"queryType":{"name":"Query"},"mutationType":{"name":"Mutation"}}""", data.GetProperty("__schema").GetRawText());
    }

    [Fact]
    public void WriteRootField_FullIntrospectionQuery_DescribesRootsTypesAndDirectives()
    {
        var schema = IntrospectionRunner.Run(SampleModels.Blog, IntrospectionRunner.Query("IntrospectionQuery.graphql"))
            .GetProperty("data").GetProperty("__schema");

        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Mutation", schema.GetProperty("mutationType").GetProperty("name").GetString());
        Assert.Equal("Subscription", schema.GetProperty("subscriptionType").GetProperty("name").GetString());
        var types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Contains("__Schema", types.Keys);
        Assert.Contains("PostWhereInput", types.Keys);
        Assert.Equal(["DRAFT", "LIVE"], types["PostState"].GetProperty("enumValues").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        Assert.Equal("INPUT_OBJECT", types["PostCreateInput"].GetProperty("kind").GetString());
        Assert.Equal(0, types["Post"].GetProperty("interfaces").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, types["Post"].GetProperty("inputFields").ValueKind);
        var directives = schema.GetProperty("directives").EnumerateArray().Select(d => d.GetProperty("name").GetString());
        Assert.Equal(["include", "skip", "deprecated", "specifiedBy"], directives);
    }

    [Fact]
    public void WriteRootField_AllOptionsQuery_IncludesSpecifiedByUrlAndRepeatable()
    {
        var schema = IntrospectionRunner.Run(SampleModels.Blog, IntrospectionRunner.Query("IntrospectionQueryAllOptions.graphql"))
            .GetProperty("data").GetProperty("__schema");

        var types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc3339", types["DateTime"].GetProperty("specifiedByURL").GetString());
        Assert.Equal(JsonValueKind.Null, types["Long"].GetProperty("specifiedByURL").ValueKind);
        Assert.All(schema.GetProperty("directives").EnumerateArray(), d => Assert.False(d.GetProperty("isRepeatable").GetBoolean()));
        var where = types["PostWhereInput"].GetProperty("inputFields").EnumerateArray().First();
        Assert.False(where.GetProperty("isDeprecated").GetBoolean());
    }
}
