using System.Text.Json;
using Engine.GraphQL.Schema;
using Engine.Metadata.Definitions;

namespace Engine.GraphQL.Tests.Schema.Roles;

/// <summary>The blog model with access rules for the role schema tests.</summary>
internal static class RoleModels
{
    /// <summary>
    /// <c>reader</c> reads Post's title and author and all of Author; <c>writer</c> creates Posts with a title only;
    /// <c>postsOnly</c> reads every Post field but not Author; <c>editor</c> reads and updates Post's title and views.
    /// </summary>
    public static IReadOnlyList<ResourceDefinition> Definitions()
    {
        var blog = SampleModels.BlogDefinitions();
        var author = blog[0] with { Access = [new AccessRuleDefinition { Role = "reader", Actions = ["read"] }] };
        var post = blog[1] with
        {
            Access =
            [
                new AccessRuleDefinition { Role = "reader", Actions = ["read"], Fields = ["title", "author"] },
                new AccessRuleDefinition { Role = "writer", Actions = ["create"], Fields = ["title"] },
                new AccessRuleDefinition { Role = "postsOnly", Actions = ["read"] },
                new AccessRuleDefinition
                {
                    Role = "editor", Actions = ["read", "update"], Fields = ["title", "views"],
                    Where = JsonSerializer.SerializeToElement(new { views_gt = 0 }),
                },
            ],
        };
        return [author, post];
    }

    /// <summary>The compiled GraphQL model of <see cref="Definitions"/>.</summary>
    public static GraphQLModel Model { get; } = GraphQLSnapshotCompiler.Compile(SampleModels.Build(Definitions()), null);
}
