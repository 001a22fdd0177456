using System.Text;
using System.Text.Json;
using Engine.Metadata.Model;
using Engine.Query.Context;
using Engine.Query.Execution;
using Engine.Query.Plans;
using Engine.Sql.Execution;
using Engine.Testing;
using Npgsql;

namespace Engine.Sql.Tests.Support;

/// <summary>One test's own copy of the blog tables (in a schema of its own), with the executor over them.</summary>
internal sealed class BlogDatabase
{
    private readonly PostgresDatabase database;

    private BlogDatabase(PostgresDatabase database, string schema)
    {
        this.database = database;
        Schema = schema;
        Model = BlogModel.Build(schema);
        User = Model.Resource("User")!;
        Post = Model.Resource("Post")!;
        Comment = Model.Resource("Comment")!;
        Tag = Model.Resource("Tag")!;
        Executor = new SqlPlanExecutor(database.DataSource);
    }

    public string Schema { get; }
    public SchemaModel Model { get; }
    public ResourceModel User { get; }
    public ResourceModel Post { get; }
    public ResourceModel Comment { get; }
    public ResourceModel Tag { get; }
    public SqlPlanExecutor Executor { get; }

    public static async Task<BlogDatabase> CreateAsync(PostgresDatabase database)
    {
        var schema = UniqueNames.Resource("Blog").ToLowerInvariant();
        await using var command = database.DataSource.CreateCommand(BlogModel.Ddl(schema));
        await command.ExecuteNonQueryAsync();
        return new BlogDatabase(database, schema);
    }

    /// <summary>Inserts a row with the given column values (plain SQL, not the code under test) and returns its id.</summary>
    public async Task<Guid> InsertAsync(string table, params (string Column, object? Value)[] columns)
    {
        var id = Guid.NewGuid();
        var sql = new StringBuilder($"INSERT INTO \"{Schema}\".\"{table}\" (\"id\"");
        foreach (var (column, _) in columns)
        {
            sql.Append(", \"").Append(column).Append('"');
        }

        sql.Append(") VALUES ($1");
        for (var i = 0; i < columns.Length; i++)
        {
            sql.Append(", $").Append(i + 2);
        }

        sql.Append(')');
        await using var command = database.DataSource.CreateCommand(sql.ToString());
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        foreach (var (_, value) in columns)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync();
        return id;
    }

    public Task<Guid> UserAsync(string name, string? email = null) => InsertAsync("user", ("name", name), ("email", email));

    public Task<Guid> PostAsync(string title, Guid? author = null, params (string Column, object? Value)[] more) =>
        InsertAsync("post", [("title", title), ("author_id", author), .. more]);

    public Task<Guid> CommentAsync(string body, Guid post) => InsertAsync("comment", ("body", body), ("post_id", post));

    public Task<Guid> TagAsync(string label) => InsertAsync("tag", ("label", label));

    public async Task LinkAsync(Guid post, Guid tag)
    {
        await using var command = database.DataSource.CreateCommand($"INSERT INTO \"{Schema}\".\"post_tags\" VALUES ($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = post });
        command.Parameters.Add(new NpgsqlParameter { Value = tag });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql) => await database.ScalarAsync(sql.Replace("{schema}", $"\"{Schema}\"", StringComparison.Ordinal));

    /// <summary>Runs read plans in one batch and returns their results.</summary>
    public Task<IReadOnlyList<PlanResult>> QueryAllAsync(params RootPlan[] plans) =>
        Executor.QueryAsync(Model, plans, RequestContext.System, CancellationToken.None);

    /// <summary>Runs one read plan, which must succeed, and returns its JSON.</summary>
    public async Task<JsonElement> QueryAsync(RootPlan plan)
    {
        var results = await QueryAllAsync(plan);
        return Json(Assert.Single(results));
    }

    public Task<PlanResult> MutateAsync(RootPlan plan) => Executor.MutateAsync(Model, plan, RequestContext.System, CancellationToken.None);

    /// <summary>The JSON of a successful result.</summary>
    public static JsonElement Json(PlanResult result)
    {
        Assert.Null(result.Error);
        Assert.NotNull(result.Json);
        using var document = JsonDocument.Parse(result.Json.Value);
        return document.RootElement.Clone();
    }
}
