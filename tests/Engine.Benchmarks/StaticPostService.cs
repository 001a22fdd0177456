using System.Buffers.Binary;
using Engine.Benchmarks.Static;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;

namespace Engine.Benchmarks;

/// <summary>
/// The statically generated side of the issue 4 benchmark: the base class Grpc.Tools generates from the engine's own
/// <c>post.proto</c>, implemented the way a hand-written service would be. Get: one parameterized SELECT by primary
/// key, columns read into the generated <see cref="Post"/>. List (order_by <c>views desc</c> only): one SELECT of
/// page_size + 1 rows in the engine's order (<c>views DESC, id</c>, keyset token on the last row) with the total
/// count in the same statement (the engine's CTE shape), i.e. the same single round trip the engine makes.
/// </summary>
internal sealed class StaticPostService(NpgsqlDataSource dataSource) : PostService.PostServiceBase
{
    private const string Columns = "id, created_at, updated_at, title, views, published";

    public override async Task<Post> GetPost(GetPostRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.Id, out var id))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "id is not a UUID"));
        }

        await using var command = dataSource.CreateCommand("SELECT " + Columns + " FROM data.post WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
        return await reader.ReadAsync(context.CancellationToken)
            ? Read(reader)
            : throw new RpcException(new Status(StatusCode.NotFound, $"Post {id} does not exist"));
    }

    public override async Task<ListPostsResponse> ListPosts(ListPostsRequest request, ServerCallContext context)
    {
        if (request.OrderBy != "views desc" || request.Filter.Length > 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "this static service only lists by \"views desc\""));
        }

        var pageSize = request.PageSize is <= 0 or > 100 ? 20 : request.PageSize;
        var after = request.PageToken.Length > 0 ? Token(request.PageToken) : ((int, Guid)?)null;
        // The engine's statement shape (page in a CTE, count in another), returning columns instead of JSON; the
        // simpler "SELECT ..., (SELECT count(*) ...) ... LIMIT" measured ~9 % slower in PostgreSQL alone (pgbench).
        await using var command = dataSource.CreateCommand(
            "WITH p AS (SELECT * FROM data.post"
            + (after is null ? "" : " WHERE views < $2 OR (views = $2 AND id > $3)")
            + " ORDER BY views DESC, id LIMIT $1), c AS (SELECT count(*) AS n FROM data.post)"
            + " SELECT " + Columns + ", (SELECT n FROM c) FROM p ORDER BY views DESC, id");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize + 1 });
        if (after is { } keys)
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = keys.Item1 });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = keys.Item2 });
        }

        var response = new ListPostsResponse();
        var total = 0L;
        var more = false;
        await using (var reader = await command.ExecuteReaderAsync(context.CancellationToken))
        {
            while (await reader.ReadAsync(context.CancellationToken))
            {
                total = reader.GetInt64(6);
                if (response.Posts.Count == pageSize)
                {
                    more = true;
                    break;
                }

                response.Posts.Add(Read(reader));
            }
        }

        if (response.Posts.Count == 0)
        {
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM data.post");
            total = (long)(await count.ExecuteScalarAsync(context.CancellationToken))!;
        }

        response.TotalSize = (int)total;
        if (more)
        {
            var last = response.Posts[^1];
            response.NextPageToken = Token(last.Views, Guid.Parse(last.Id));
        }

        return response;
    }

    private static Post Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0).ToString(),
        CreateTime = Timestamp.FromDateTime(reader.GetFieldValue<DateTime>(1)),
        UpdateTime = Timestamp.FromDateTime(reader.GetFieldValue<DateTime>(2)),
        Title = reader.GetString(3),
        Views = reader.GetInt32(4),
        Published = reader.GetBoolean(5),
    };

    private static string Token(int views, Guid id)
    {
        var bytes = new byte[20];
        BinaryPrimitives.WriteInt32BigEndian(bytes, views);
        id.TryWriteBytes(bytes.AsSpan(4));
        return Convert.ToBase64String(bytes);
    }

    private static (int, Guid) Token(string token)
    {
        var bytes = Convert.FromBase64String(token);
        return bytes.Length == 20
            ? (BinaryPrimitives.ReadInt32BigEndian(bytes), new Guid(bytes.AsSpan(4)))
            : throw new RpcException(new Status(StatusCode.InvalidArgument, "bad page_token"));
    }
}
