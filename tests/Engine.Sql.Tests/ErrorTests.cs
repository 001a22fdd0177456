using Engine.Query.Context;
using Engine.Query.Errors;
using Engine.Query.Plans;
using Engine.Sql.Errors;
using Engine.Sql.Execution;
using Engine.Sql.Tests.Support;
using Engine.Testing;
using Npgsql;
using static Engine.Sql.Tests.Support.Plans;

namespace Engine.Sql.Tests;

/// <summary>Database errors raised by real statements, mapped to the error codes of SPEC §3.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ErrorTests(PostgresDatabase database)
{
    private static CreatePlan CreatePost(BlogDatabase db, params ColumnValue[] values) =>
        new("createPost", db.Post, Guid.CreateVersion7(), Data(values), Select(Field(db.Post, "id")));

    [Fact]
    public async Task Create_DuplicateUniqueField_IsUniqueViolationNamingTheField()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await db.PostAsync("first", null, ("slug", "taken"));

        var result = await db.MutateAsync(CreatePost(db, Set(db.Post, "title", "second"), Set(db.Post, "slug", "taken")));

        Assert.Equal(new EngineError(ErrorCode.UniqueViolation, "A Post with this slug already exists.", "data.slug"), result.Error);
    }

    [Fact]
    public async Task Create_DuplicateId_IsUniqueViolationOnId()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var id = await db.PostAsync("first");

        var result = await db.MutateAsync(new CreatePlan("createPost", db.Post, id, Data([Set(db.Post, "title", "again")]), Select(Field(db.Post, "id"))));

        Assert.Equal(ErrorCode.UniqueViolation, result.Error?.Code);
        Assert.Equal("data.id", result.Error?.Field);
    }

    [Fact]
    public async Task Update_ToDuplicateUniqueField_IsUniqueViolation()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await db.PostAsync("first", null, ("slug", "taken"));
        var id = await db.PostAsync("second", null, ("slug", "free"));

        var result = await db.MutateAsync(new UpdatePlan("updatePost", db.Post, Eq(db.Post, "id", id), Data([Set(db.Post, "slug", "taken")]), Select(Field(db.Post, "id"))));

        Assert.Equal(ErrorCode.UniqueViolation, result.Error?.Code);
        Assert.Equal("data.slug", result.Error?.Field);
    }

    [Fact]
    public async Task Delete_StillReferenced_IsForeignKeyViolationNamingTheRelation()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var ada = await db.UserAsync("Ada");
        await db.PostAsync("by ada", ada);

        var result = await db.MutateAsync(new DeletePlan("deleteUser", db.User, Eq(db.User, "id", ada), Select(Field(db.User, "id"))));

        Assert.Equal(ErrorCode.ForeignKeyViolation, result.Error?.Code);
        Assert.Equal("The User is still referenced by Post.author.", result.Error?.Message);
    }

    [Fact]
    public async Task DeleteMany_StillReferenced_IsForeignKeyViolation()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await db.PostAsync("by ada", await db.UserAsync("Ada"));

        var result = await db.MutateAsync(new DeleteManyPlan("deleteManyUsers", db.User, null, new BatchSelection([new CountSelection("count")])));

        Assert.Equal(ErrorCode.ForeignKeyViolation, result.Error?.Code);
    }

    [Fact]
    public async Task Create_RequiredFieldNull_IsBadUserInputNamingTheField()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var result = await db.MutateAsync(CreatePost(db, Set(db.Post, "title", null)));

        Assert.Equal(new EngineError(ErrorCode.BadUserInput, "The field 'title' of Post is required.", "data.title"), result.Error);
    }

    [Fact]
    public async Task Create_RequiredRelationDisconnected_IsBadUserInputNamingTheRelation()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var result = await db.MutateAsync(new CreatePlan("createComment", db.Comment, Guid.CreateVersion7(),
            Data([Set(db.Comment, "body", "x")], Connect(db.Model, db.Comment, "post", null)), Select(Field(db.Comment, "id"))));

        Assert.Equal(ErrorCode.BadUserInput, result.Error?.Code);
        Assert.Equal("data.post", result.Error?.Field);
    }

    [Fact]
    public async Task Create_BelowMinimum_IsBadUserInputNamingTheFieldAndRule()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var result = await db.MutateAsync(CreatePost(db, Set(db.Post, "title", "t"), Set(db.Post, "views", -1)));

        Assert.Equal(new EngineError(ErrorCode.BadUserInput, "The value of 'views' is not allowed: it must be at least 0.", "data.views"), result.Error);
    }

    [Fact]
    public async Task Create_UnknownEnumValue_IsBadUserInputListingTheValues()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var result = await db.MutateAsync(CreatePost(db, Set(db.Post, "title", "t"), Set(db.Post, "status", "ARCHIVED")));

        Assert.Equal(ErrorCode.BadUserInput, result.Error?.Code);
        Assert.Contains("DRAFT, PUBLISHED", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("data.status", result.Error.Field);
    }

    [Fact]
    public async Task Create_NumericOverflow_IsBadUserInput()
    {
        var db = await BlogDatabase.CreateAsync(database);

        var result = await db.MutateAsync(CreatePost(db, Set(db.Post, "title", "t"), Set(db.Post, "price", 123456789012m)));

        Assert.Equal(ErrorCode.BadUserInput, result.Error?.Code);
        Assert.DoesNotContain("INSERT", result.Error!.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Query_TableTheModelNamesIsMissing_IsStaleMetadataWithoutSql()
    {
        var db = await BlogDatabase.CreateAsync(database);
        var model = BlogModel.Build("schema_that_does_not_exist");

        var results = await db.Executor.QueryAsync(model,
            [new FindManyPlan("posts", model.Resource("Post")!, ListArguments.All, Select(Field(model.Resource("Post")!, "id")))],
            RequestContext.System, CancellationToken.None);

        // A newer metadata version dropped the table while the request ran: the protocols run the request again.
        Assert.Equal(new EngineError(ErrorCode.StaleMetadata, "The resource changed while this request ran; try again."), Assert.Single(results).Error);
    }

    [Theory]
    [InlineData(PostgresErrorCodes.UndefinedColumn, ErrorCode.StaleMetadata)]
    [InlineData(PostgresErrorCodes.UndefinedTable, ErrorCode.StaleMetadata)]
    [InlineData(PostgresErrorCodes.UndefinedFunction, ErrorCode.Internal)]
    [InlineData(PostgresErrorCodes.InternalError, ErrorCode.Internal)]
    public void Map_DatabaseErrorState_HasItsCode(string sqlState, ErrorCode expected)
    {
        var failure = new PostgresException("detail that must not reach a client", "ERROR", "ERROR", sqlState);

        var error = PostgresErrorMapper.Map(failure, BlogModel.Build("data"), null);

        Assert.Equal(expected, error.Code);
        Assert.DoesNotContain("detail that must not reach a client", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_FailingPlanInBatch_KeepsEarlierResultsAndFailsTheRest()
    {
        var db = await BlogDatabase.CreateAsync(database);
        await db.PostAsync("p");
        var ghost = new Engine.Metadata.Definitions.ResourceDefinition { Name = "Ghost" };
        var broken = Engine.Metadata.Model.SchemaModelBuilder.BuildResource(ghost, new Dictionary<string, Engine.Metadata.Definitions.ResourceDefinition> { ["Ghost"] = ghost });

        var results = await db.QueryAllAsync(
            new FindManyPlan("ok", db.Post, ListArguments.All, Select(Field(db.Post, "title"))),
            new FindManyPlan("broken", broken, ListArguments.All, Select(Field(broken, "id"))),
            new FindManyPlan("after", db.Post, ListArguments.All, Select(Field(db.Post, "title"))));

        Assert.Equal("p", BlogDatabase.Json(results[0])[0].GetProperty("title").GetString());
        Assert.Equal(ErrorCode.StaleMetadata, results[1].Error?.Code);
        Assert.Equal(ErrorCode.StaleMetadata, results[2].Error?.Code);
    }

    [Fact]
    public async Task Query_DatabaseUnreachable_IsUnavailable()
    {
        var model = BlogModel.Build();
        var unreachable = new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Port = 1, Timeout = 2 };
        await using var dataSource = NpgsqlDataSource.Create(unreachable.ConnectionString);
        var executor = new SqlPlanExecutor(dataSource);
        var post = model.Resource("Post")!;

        var results = await executor.QueryAsync(model, [new FindManyPlan("posts", post, ListArguments.All, Select(Field(post, "id")))],
            RequestContext.System, CancellationToken.None);
        var write = await executor.MutateAsync(model, new DeleteManyPlan("d", post, null, new BatchSelection([new CountSelection("count")])),
            RequestContext.System, CancellationToken.None);

        Assert.Equal(ErrorCode.Unavailable, Assert.Single(results).Error?.Code);
        Assert.Equal(ErrorCode.Unavailable, write.Error?.Code);
    }
}
