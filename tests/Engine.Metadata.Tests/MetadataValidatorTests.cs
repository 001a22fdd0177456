using Engine.Metadata.Definitions;
using Engine.Metadata.Tests.Support;
using Engine.Metadata.Validation;
using static Engine.Metadata.Tests.Support.Defs;

namespace Engine.Metadata.Tests;

public class MetadataValidatorTests
{
    [Fact]
    public void Validate_SpecExample_HasNoErrors() => Check.Valid(MetadataValidator.Validate(SpecExample.All()));

    [Fact]
    public void ValidateResource_EachSpecResource_HasNoErrors()
    {
        var all = SpecExample.All();
        foreach (var resource in all)
        {
            Check.Valid(MetadataValidator.ValidateResource(resource, all));
        }
    }

    [Fact]
    public void Validate_ErrorInSecondResource_PathIsPrefixedWithItsPosition()
    {
        var errors = MetadataValidator.Validate([Resource("Post", Field("title")), Resource("Comment", Field("body", "Text"))]);

        Check.OneError(errors, "resources[1].fields[0].type", "Text");
    }

    [Fact]
    public void ValidateResource_CopyOfStoredResource_DoesNotClashWithItsOldVersion()
    {
        var stored = Resource("Post", Field("title"));
        var replacement = Resource("Post", Field("title"), Field("body"));

        Check.Valid(MetadataValidator.ValidateResource(replacement, [stored, Resource("Comment", Field("text"))]));
    }

    [Fact]
    public void ValidateResource_RemovedFieldIsAnotherResourcesInverse_ReportsInThatResource()
    {
        var comment = Resource("Comment", Field("text"), ToOne("post", "Post"));
        var post = Resource("Post", Field("title"), ToMany("comments", "Comment", inverse: "post"));
        var commentWithoutPost = Resource("Comment", Field("text"));

        var errors = MetadataValidator.ValidateResource(commentWithoutPost, [commentWithoutPost, post]);

        Check.OneError(errors, "resources[Post].fields[1].inverse", "'Post.comments'", "no field 'post'");
        Check.Valid(MetadataValidator.ValidateResource(comment, [comment, post]));
    }

    [Fact]
    public void ValidateResource_AmongFiveThousandResources_ValidatesCorrectly()
    {
        var all = GeneratedResources(5000);

        // Every 25th resource keeps the run short while covering the first, the last and everything between.
        for (var i = 0; i < all.Length; i += 25)
        {
            Check.Valid(MetadataValidator.ValidateResource(all[i], all));
        }

        Check.Valid(MetadataValidator.ValidateResource(all[^1], all));

        Check.Valid(MetadataValidator.Validate(all));
        var broken = all[2500] with { Fields = [.. all[2500].Fields, ToOne("owner", "Missing")] };
        Check.OneError(MetadataValidator.ValidateResource(broken, all), "fields[5].target", "Missing");
    }

    /// <summary>Resources that each point at the one before, with enums, inverses and many-to-many relations.</summary>
    private static ResourceDefinition[] GeneratedResources(int count)
    {
        var resources = new ResourceDefinition[count];
        for (var i = 0; i < count; i++)
        {
            var fields = new List<FieldDefinition> { Field("title"), Enum("state", "OPEN", "CLOSED") };
            if (i > 0)
            {
                fields.Add(ToOne("parent", $"Item{i - 1}", inverse: "children"));
                fields.Add(ToMany("links", $"Item{i - 1}"));
            }

            if (i < count - 1)
            {
                fields.Add(ToMany("children", $"Item{i + 1}", inverse: "parent"));
            }

            resources[i] = Resource($"Item{i}", [.. fields]) with { Indexes = [new IndexDefinition { Fields = ["title", "state"] }] };
        }

        return resources;
    }
}
