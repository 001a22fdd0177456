using Engine.IntegrationTests.Support;
using Engine.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engine.IntegrationTests.Access.Protocols.Watching;

/// <summary>SPEC §6 for Watch streams: read access at watch time, the subscriber's row filter per event, its fields only.</summary>
[Collection(EngineCollection.Name)]
public sealed class WatchRoleAccessTests(EngineServer engine) : IDisposable
{
    private const int OwnerNumber = 5;
    private const int SecretNumber = 6;
    // Generous: early in a full run (every test project at once on 2 cores) the first events can take many seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly GrpcChannel channel = GrpcChannel.ForAddress(engine.GrpcAddress);

    public void Dispose() => channel.Dispose();

    [Fact]
    public async Task Watch_RoleWithoutRead_IsPermissionDenied()
    {
        var name = await DefineAsync();
        var token = await RoleTokens.CreateAsync(engine.Http, ["stranger"]);

        using var watch = Open(name, token);
        var error = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Watch_RowFilterOnAClaim_DeliversOnlyTheSubscribersRowsWithoutHiddenFields()
    {
        var name = await DefineAsync();
        var token = await RoleTokens.CreateAsync(engine.Http, ["member"], new Dictionary<string, string> { ["tenant"] = "acme" });
        using var watch = Open(name, token);
        await watch.ResponseHeadersAsync.WaitAsync(Patience);

        await CreateAsync(name, "other", "globex");
        var mine = await CreateAsync(name, "mine", "acme");
        await engine.QueryAsync($$"""mutation { update{{name}}(where: { id: "{{mine}}" }, data: { secret: "changed" }) { id } }""");
        var marker = await CreateAsync(name, "marker", "acme");

        // Events of different records may arrive in any order: read until both rows are in, then a little longer.
        var records = new List<(string Id, IReadOnlyList<int> Numbers)>();
        using (var timeout = new CancellationTokenSource(Patience))
        {
            while (!(records.Any(r => r.Id == mine) && records.Any(r => r.Id == marker)) && await watch.ResponseStream.MoveNext(timeout.Token))
            {
                records.Add(RecordOf(watch.ResponseStream.Current));
            }
        }

        using (var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                while (await watch.ResponseStream.MoveNext(quiet.Token))
                {
                    records.Add(RecordOf(watch.ResponseStream.Current));
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
                // Nothing more arrived.
            }
        }

        // The update changed only the hidden field, so it is not delivered; the other tenant's row never is.
        Assert.Equal(new[] { mine, marker }.Order(StringComparer.Ordinal), records.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Contains(OwnerNumber, r.Numbers));
        Assert.All(records, r => Assert.DoesNotContain(SecretNumber, r.Numbers));
    }

    [Fact]
    public async Task Watch_RowFilterThroughARelation_ChecksCreatedRowsInTheDatabaseAndWithholdsDeletions()
    {
        var team = UniqueNames.Resource("Team");
        var item = UniqueNames.Resource("TeamItem");
        await engine.DefineAsync(team, $$"""
            { "name": "{{team}}", "fields": [ { "name": "name", "type": "String" } ],
              "access": [ { "role": "player", "actions": ["read"], "where": { "name": "$claims.team" } } ] }
            """);
        await engine.DefineAsync(item, $$"""
            { "name": "{{item}}", "fields": [ { "name": "title", "type": "String" }, { "name": "team", "type": "Relation", "target": "{{team}}", "cardinality": "one" } ],
              "access": [ { "role": "player", "actions": ["read"], "where": { "team": { "name": "$claims.team" } } } ] }
            """);
        var red = (await engine.QueryAsync($$"""mutation { create{{team}}(data: { name: "red" }) { id } }"""))["create" + team]!["id"]!.GetValue<string>();
        var blue = (await engine.QueryAsync($$"""mutation { create{{team}}(data: { name: "blue" }) { id } }"""))["create" + team]!["id"]!.GetValue<string>();
        var token = await RoleTokens.CreateAsync(engine.Http, ["player"], new Dictionary<string, string> { ["team"] = "red" });
        using var watch = Open(item, token);
        await watch.ResponseHeadersAsync.WaitAsync(Patience);

        await CreateItemAsync(item, blue);
        var mine = await CreateItemAsync(item, red);
        var doomed = await CreateItemAsync(item, red);
        await engine.QueryAsync($$"""mutation { delete{{item}}(where: { id: "{{doomed}}" }) { id } }""");
        var marker = await CreateItemAsync(item, red);

        var received = new List<(int Type, string Id)>();
        using (var timeout = new CancellationTokenSource(Patience))
        {
            // Events of different records are relayed by different shards, so `marker` may come before `mine`: wait for both.
            while (!(received.Any(e => e.Id == mine) && received.Any(e => e.Id == marker)) && await watch.ResponseStream.MoveNext(timeout.Token))
            {
                received.Add((TypeOf(watch.ResponseStream.Current), RecordOf(watch.ResponseStream.Current).Id));
            }
        }

        // The doomed row's creation may be checked after its deletion, and then it is not delivered either.
        Assert.Contains((1, mine), received);
        Assert.DoesNotContain(received, e => e.Type == 3);
        Assert.All(received, e => Assert.Contains(e.Id, new[] { mine, doomed, marker }));
    }

    [Fact]
    public async Task Watch_RowFilterOnARelationsId_ComparesTheForeignKeyAndDeliversDeletions()
    {
        var team = UniqueNames.Resource("Squad");
        var item = UniqueNames.Resource("SquadItem");
        await engine.DefineAsync(team, $$"""{ "name": "{{team}}", "fields": [ { "name": "name", "type": "String" } ] }""");
        await engine.DefineAsync(item, $$"""
            { "name": "{{item}}", "fields": [ { "name": "title", "type": "String" }, { "name": "team", "type": "Relation", "target": "{{team}}", "cardinality": "one" } ],
              "access": [ { "role": "player", "actions": ["read"], "where": { "team": { "id": "$claims.teamId" } } } ] }
            """);
        var red = (await engine.QueryAsync($$"""mutation { create{{team}}(data: { name: "red" }) { id } }"""))["create" + team]!["id"]!.GetValue<string>();
        var blue = (await engine.QueryAsync($$"""mutation { create{{team}}(data: { name: "blue" }) { id } }"""))["create" + team]!["id"]!.GetValue<string>();
        var token = await RoleTokens.CreateAsync(engine.Http, ["player"], new Dictionary<string, string> { ["teamId"] = red });
        using var watch = Open(item, token);
        await watch.ResponseHeadersAsync.WaitAsync(Patience);

        await CreateItemAsync(item, blue);
        var mine = await CreateItemAsync(item, red);
        await engine.QueryAsync($$"""mutation { delete{{item}}(where: { id: "{{mine}}" }) { id } }""");

        var received = new List<(int Type, string Id)>();
        using (var timeout = new CancellationTokenSource(Patience))
        {
            while (!received.Any(e => e.Type == 3) && await watch.ResponseStream.MoveNext(timeout.Token))
            {
                received.Add((TypeOf(watch.ResponseStream.Current), RecordOf(watch.ResponseStream.Current).Id));
            }
        }

        Assert.Equal([(1, mine), (3, mine)], received);
    }

    private async Task<string> CreateItemAsync(string item, string team)
    {
        var data = await engine.QueryAsync($$"""mutation { create{{item}}(data: { title: "t", team: { connect: { id: "{{team}}" } } }) { id } }""");
        return data["create" + item]!["id"]!.GetValue<string>();
    }

    private static int TypeOf(byte[] eventMessage)
    {
        var input = new Google.Protobuf.CodedInputStream(eventMessage);
        input.ReadTag();
        return input.ReadEnum();
    }

    private AsyncServerStreamingCall<byte[]> Open(string name, string token) =>
        channel.CreateCallInvoker().AsyncServerStreamingCall(
            new Method<byte[], byte[]>(MethodType.ServerStreaming, $"engine.data.v1.{name}Service", $"Watch{name}s", RoleTokens.Bytes, RoleTokens.Bytes),
            null,
            new CallOptions(new global::Grpc.Core.Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddMinutes(1)),
            []);

    /// <summary>The record of a <c>&lt;R&gt;Event</c> (field 2): its id (field 1) and the field numbers it sets.</summary>
    private static (string Id, IReadOnlyList<int> Numbers) RecordOf(byte[] eventMessage)
    {
        var input = new Google.Protobuf.CodedInputStream(eventMessage);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (Google.Protobuf.WireFormat.GetTagFieldNumber(tag) == 2)
            {
                var record = input.ReadBytes().ToByteArray();
                var id = new Google.Protobuf.CodedInputStream(record);
                id.ReadTag();
                return (id.ReadString(), RoleTokens.FieldNumbers(record));
            }

            input.SkipLastField();
        }

        throw new InvalidOperationException("the event has no record");
    }

    private Task<string> DefineAsync() => TenantOwnedResource.DefineAsync("Watched", engine.DefineAsync);

    private Task<string> CreateAsync(string name, string title, string owner) =>
        TenantOwnedResource.CreateAsync(query => engine.QueryAsync(query), name, title, owner);
}
