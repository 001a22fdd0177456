using System.Text.Json;
using Engine.Metadata.Definitions;
using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Execution;
using Engine.Query.Plans;
using Engine.Sql.Execution;
using Engine.Sql.Tests.Support;
using Engine.Testing;

namespace Engine.Sql.Tests.Access;

/// <summary>
/// The blog tables with access rules: a <c>writer</c> owns the posts whose author is <c>$claims.uid</c>; a
/// <c>reader</c> sees published posts and only some of their fields; an <c>editor</c> creates posts with a title and
/// author only; nobody but admin reads user emails.
/// </summary>
internal sealed class AccessBlog
{
    /// <summary>The blog definitions with the access rules.</summary>
    public static readonly IReadOnlyList<ResourceDefinition> Definitions = BlogModel.Definitions.Select(WithRules).ToArray();

    private AccessBlog(BlogDatabase blog, PostgresDatabase database)
    {
        Blog = blog;
        Model = SchemaModelBuilder.Build(1, Definitions, blog.Schema);
        User = Model.Resource("User")!;
        Post = Model.Resource("Post")!;
        Comment = Model.Resource("Comment")!;
        Executor = new SqlPlanExecutor(database.DataSource);
    }

    /// <summary>The tables and their seeding helpers (plain SQL).</summary>
    public BlogDatabase Blog { get; }

    public SchemaModel Model { get; }
    public ResourceModel User { get; }
    public ResourceModel Post { get; }
    public ResourceModel Comment { get; }

    /// <summary>The Tag resource (read only for every role).</summary>
    public ResourceModel Tag => Model.Resource("Tag")!;

    public SqlPlanExecutor Executor { get; }

    public static async Task<AccessBlog> CreateAsync(PostgresDatabase database) => new(await BlogDatabase.CreateAsync(database), database);

    /// <summary>A caller with the role <c>writer</c> and the claim <c>uid</c> (none when null).</summary>
    public static RequestContext Writer(Guid? uid) =>
        new("writer", ["writer"], uid is { } id ? new Dictionary<string, string> { ["uid"] = id.ToString() } : new Dictionary<string, string>());

    /// <summary>A caller with the role <c>editor</c>, who may create posts giving only their title and author.</summary>
    public static readonly RequestContext Editor = new("editor", ["editor"], new Dictionary<string, string>());

    /// <summary>A caller with the role <c>reader</c>.</summary>
    public static readonly RequestContext Reader = new("reader", ["reader"], new Dictionary<string, string>());

    public async Task<PlanResult> QueryAsync(RootPlan plan, RequestContext caller) =>
        Assert.Single(await Executor.QueryAsync(Model, [plan], caller, CancellationToken.None));

    public Task<PlanResult> MutateAsync(RootPlan plan, RequestContext caller) => Executor.MutateAsync(Model, plan, caller, CancellationToken.None);

    public Task<object?> ScalarAsync(string sql) => Blog.ScalarAsync(sql);

    /// <summary>The JSON of a successful result.</summary>
    public static JsonElement Json(PlanResult result) => BlogDatabase.Json(result);

    private static ResourceDefinition WithRules(ResourceDefinition resource) => resource.Name switch
    {
        "User" => resource with
        {
            Access =
            [
                Rule("writer", ["read"], null, ["name", "posts"]),
                Rule("writer", ["update"], """{ "id": "$claims.uid" }"""),
                Rule("reader", ["read"], null, ["name"]),
            ],
        },
        "Post" => resource with
        {
            Access =
            [
                Rule("writer", ["read", "create", "update", "delete"], """{ "author": { "id": "$claims.uid" } }"""),
                Rule("reader", ["read"], """{ "published": true }""", ["title", "published", "author", "comments"]),
                Rule("editor", ["create"], null, ["title", "author"]),
            ],
        },
        "Comment" => resource with
        {
            Access =
            [
                Rule("writer", ["read", "create"], """{ "post": { "author": { "id": "$claims.uid" } } }"""),
                Rule("reader", ["read"]),
            ],
        },
        _ => resource with { Access = [Rule("writer", ["read"]), Rule("reader", ["read"])] },
    };

    private static AccessRuleDefinition Rule(string role, string[] actions, string? where = null, string[]? fields = null) => new()
    {
        Role = role,
        Actions = actions,
        Where = where is null ? null : JsonDocument.Parse(where).RootElement.Clone(),
        Fields = fields,
    };
}
