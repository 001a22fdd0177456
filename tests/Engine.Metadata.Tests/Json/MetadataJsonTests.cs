using System.Text;
using System.Text.Json.Nodes;
using Engine.Metadata.Definitions;
using Engine.Metadata.Json;
using Engine.Metadata.Tests.Support;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests.Json;

public class MetadataJsonTests
{
    [Fact]
    public void ParseResource_SpecExample_ReadsEveryProperty()
    {
        var invoice = SpecExample.Parse(SpecExample.Invoice);

        Assert.Equal("Invoices", invoice.Plural);
        Assert.Equal(8, invoice.Fields.Count);
        Assert.Equal(["DRAFT", "SENT", "PAID"], invoice.Fields[3].Values!);
        Assert.Equal("DRAFT", invoice.Fields[3].Default!.Value.GetString());
        Assert.Equal(0m, invoice.Fields[2].Min);
        Assert.Equal("RESTRICT", invoice.Fields[5].OnDelete);
        Assert.Equal(["status", "issuedOn"], invoice.Indexes[0].Fields);
        Assert.Equal("$claims.sub", invoice.Access[1].Where!.Value.GetProperty("customer").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(SpecExample.Invoice)]
    [InlineData(SpecExample.Customer)]
    [InlineData(SpecExample.InvoiceLine)]
    [InlineData(SpecExample.Tag)]
    public void Serialize_ParsedSpecResource_RoundTripsToTheSameJson(string json)
    {
        var written = MetadataJson.Serialize(SpecExample.Parse(json));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void ParseDocument_SpecResourcesWithoutVersion_RoundTripsWithVersionZero()
    {
        var json = $$"""{ "resources": [{{SpecExample.Invoice}}, {{SpecExample.Customer}}, {{SpecExample.InvoiceLine}}, {{SpecExample.Tag}}] }""";

        var result = MetadataJson.ParseDocument(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(0, result.Value.Version);
        var expected = JsonNode.Parse(json)!.AsObject();
        expected["version"] = 0;
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(MetadataJson.Serialize(result.Value))));
    }

    [Fact]
    public void Serialize_MinimalResource_OmitsNullsFalsesAndEmptyLists() =>
        Assert.Equal("""{"name":"Post","fields":[{"name":"title","type":"String"}]}""", MetadataJson.Serialize(Resource("Post", Field("title"))));

    [Fact]
    public void Serialize_PatternAndText_AreWrittenUnescaped() =>
        Assert.Contains(""""pattern":"^<[a-z]+>&é$"""",
            MetadataJson.Serialize(Resource("Post", Field("tag") with { Pattern = "^<[a-z]+>&é$" })), StringComparison.Ordinal);

    [Fact]
    public void ParseResource_FieldNumber_IsAcceptedAndWrittenBack()
    {
        var result = MetadataJson.ParseResource("""{"name":"Post","fields":[{"name":"title","type":"String","number":7}]}""");

        Assert.True(result.Succeeded);
        Assert.Equal(7, result.Value.Fields[0].Number);
        Assert.Contains("\"number\":7", MetadataJson.Serialize(result.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseResource_UnknownProperty_RejectsAtItsPath()
    {
        var result = MetadataJson.ParseResource("""{"name":"Post","fields":[{"name":"title","type":"String","maxLen":3}]}""");

        Check.OneError(result.Errors, "fields[0].maxLen", "Unknown property 'maxLen'", "maxLength");
        Assert.Null(result.Value);
    }

    [Fact]
    public void ParseResource_PropertyInWrongCase_SuggestsTheRightOne() =>
        Check.OneError(MetadataJson.ParseResource("""{"Name":"Post"}""").Errors, "Name", "did you mean 'name'");

    [Theory]
    [InlineData("""{"name":"Post","fields":[{"name":"a","type":"String","required":"yes"}]}""", "fields[0].required", "'required' must be true or false, but it is the string \"yes\"")]
    [InlineData("""{"name":"Post","fields":{}}""", "fields", "'fields' must be an array, but it is an object")]
    [InlineData("""{"name":"Post","fields":[{"name":"a","type":"String","maxLength":1.5}]}""", "fields[0].maxLength", "whole number")]
    [InlineData("""{"name":"Post","fields":[{"name":"a","type":"Enum","values":["A",3]}]}""", "fields[0].values[1]", "Item 1 of 'values' must be a string, but it is the number 3")]
    [InlineData("""{"name":"Post","fields":["title"]}""", "fields[0]", "must be an object")]
    [InlineData("""{"name":null}""", "name", "'name' cannot be null")]
    [InlineData("""{"name":"Post","fields":[null]}""", "fields[0]", "cannot be null")]
    [InlineData("""{"name":"Post","access":[{"role":"r","actions":"read"}]}""", "access[0].actions", "must be an array")]
    [InlineData("""{"name":"Post","name":"Other"}""", "name", "more than once")]
    [InlineData("""[]""", "", "The document must be an object")]
    public void ParseResource_WrongKind_RejectsAtItsPath(string json, string path, string mention) =>
        Check.OneError(MetadataJson.ParseResource(json).Errors, path, mention);

    [Fact]
    public void ParseResource_SeveralProblems_ReportsEach()
    {
        var errors = MetadataJson.ParseResource("""{"name":1,"plural":"Posts","colour":"red","fields":[{"name":"a","type":true}]}""").Errors;

        Assert.Equal(["name", "colour", "fields[0].type"], errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("""{"name": "Post", """, "line 1")]
    [InlineData("""{"name": 'Post'}""", "not valid JSON")]
    [InlineData("""{"name": "Post",}""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    public void ParseResource_MalformedJson_RejectsAtRoot(string json, string mention)
    {
        var result = MetadataJson.ParseResource(json);

        Check.OneError(result.Errors, "", mention);
        Assert.DoesNotContain("LineNumber", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDocument_ErrorInSecondResource_PathStartsAtResources() =>
        Check.OneError(MetadataJson.ParseDocument("""{"version":3,"resources":[{"name":"A"},{"name":"B","fields":[{"name":"x","type":5}]}]}""").Errors,
            "resources[1].fields[0].type", "'type' must be a string");

    [Fact]
    public void ParseResource_Utf8Bytes_Reads()
    {
        var result = MetadataJson.ParseResource(Encoding.UTF8.GetBytes(SpecExample.Tag));

        Assert.True(result.Succeeded);
        Assert.Equal("Tag", result.Value.Name);
    }

    [Fact]
    public async Task ParseDocumentAsync_Stream_Reads()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"resources":[{{SpecExample.Tag}}]}"""));

        var result = await MetadataJson.ParseDocumentAsync(stream);

        Assert.True(result.Succeeded);
        Assert.Equal("Tag", Assert.Single(result.Value.Resources).Name);
    }

    [Fact]
    public async Task ParseResourceAsync_MalformedStream_ReturnsError()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{"));

        var result = await MetadataJson.ParseResourceAsync(stream);

        Check.OneError(result.Errors, "", "not valid JSON");
    }

    [Fact]
    public void Options_AreSharedReadOnly()
    {
        Assert.True(MetadataJson.Options.IsReadOnly);
        Assert.Equal(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow, MetadataJson.Options.UnmappedMemberHandling);
    }

    [Fact]
    public void Serialize_EmptyDocument_WritesVersionAndResources() =>
        Assert.Equal("""{"version":0,"resources":[]}""", MetadataJson.Serialize(new MetadataDocument()));

    [Fact]
    public void Options_OtherTypes_KeepEveryMember() =>
        Assert.Equal("""{"Plan":[],"DryRun":false,"Errors":null}""",
            System.Text.Json.JsonSerializer.Serialize(new { Plan = Array.Empty<string>(), DryRun = false, Errors = (string[]?)null }, MetadataJson.Options));
}
