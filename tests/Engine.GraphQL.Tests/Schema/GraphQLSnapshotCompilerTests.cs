using Engine.GraphQL.Schema;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Runtime;

namespace Engine.GraphQL.Tests.Schema;

public class GraphQLSnapshotCompilerTests
{
    [Fact]
    public void Compile_OneResourceChanged_ReusesTheUnaffectedParts()
    {
        var definitions = SampleModels.CrmDefinitions().ToList();
        definitions.Add(new ResourceDefinition
        {
            Name = "Note",
            Fields = [new FieldDefinition { Name = "text", Type = FieldTypes.String }],
        });
        var compiler = new GraphQLSnapshotCompiler();
        var v1 = SampleModels.Build(definitions, 1);
        var first = (GraphQLModel)compiler.Compile(v1, null);

        // Tag changes: Tag is rebuilt, and so is Invoice (Tag is one of its relation targets); Customer and Note are not.
        var changed = definitions.ToList();
        var tagIndex = changed.FindIndex(d => d.Name == "Tag");
        changed[tagIndex] = changed[tagIndex] with { Description = "A label." };
        var v2 = SampleModels.Build(changed, 2);
        var second = (GraphQLModel)compiler.Compile(v2, new EngineSnapshot(v1, new Dictionary<Type, object> { [typeof(GraphQLModel)] = first }));

        Assert.Same(first.Parts["Customer"], second.Parts["Customer"]);
        Assert.Same(first.Parts["Note"], second.Parts["Note"]);
        Assert.NotSame(first.Parts["Tag"], second.Parts["Tag"]);
        Assert.NotSame(first.Parts["Invoice"], second.Parts["Invoice"]);
        Assert.Equal("A label.", second.Schema.Types["Tag"].Description);
        Assert.Same(first.Schema.Types["Customer"], second.Schema.Types["Customer"]);
        Assert.Same(v2.Resource("Tag"), ((ResourceFieldBinding)((GqlObjectType)second.Schema.Types["Tag"]).Fields[0].Binding!).Resource);
    }

    [Fact]
    public void Compile_ResourceRemoved_DropsItsTypesAndFields()
    {
        var definitions = SampleModels.BlogDefinitions().ToList();
        var v1 = SampleModels.Build(definitions, 1);
        var first = GraphQLSnapshotCompiler.Compile(v1, null);
        var withoutRelation = definitions[1] with { Fields = definitions[1].Fields.Where(f => f.Name != "author").ToArray() };
        var v2 = SampleModels.Build([withoutRelation], 2);

        var second = GraphQLSnapshotCompiler.Compile(v2, first);

        Assert.Null(second.Schema.Type("Author"));
        Assert.False(second.Schema.Query.FieldsByName.ContainsKey("authors"));
        Assert.True(second.Schema.Query.FieldsByName.ContainsKey("posts"));
        Assert.Equal(["Post"], second.Parts.Keys);
    }

    [Fact]
    public void ArtifactType_IsGraphQLModel()
    {
        ISnapshotCompiler compiler = new GraphQLSnapshotCompiler();
        Assert.Equal(typeof(GraphQLModel), compiler.ArtifactType);
        Assert.IsType<GraphQLModel>(compiler.Compile(SchemaModelBuilder.Build(1, []), null));
    }
}
