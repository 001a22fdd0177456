using Engine.IntegrationTests.Support;
using Engine.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engine.IntegrationTests.Access.Protocols.Grpc;

/// <summary>SPEC §6 over gRPC: the caller comes from the <c>authorization</c> metadata; anonymous is denied unless granted; hidden fields stay unset.</summary>
[Collection(EngineCollection.Name)]
public sealed class GrpcRoleAccessTests(EngineServer engine) : IDisposable
{
    private const int TitleNumber = 4;
    private const int SecretNumber = 5;

    private readonly GrpcChannel channel = GrpcChannel.ForAddress(engine.GrpcAddress);

    public void Dispose() => channel.Dispose();

    [Fact]
    public async Task Get_AnonymousWithoutGrant_IsPermissionDenied()
    {
        var (name, id) = await DefineWithRowAsync("""[ { "role": "viewer", "actions": ["read"] } ]""");

        var error = await Assert.ThrowsAsync<RpcException>(() => GetAsync(name, id, token: null));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("anonymous", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AnonymousGranted_ReturnsTheRecord()
    {
        var (name, id) = await DefineWithRowAsync("""[ { "role": "anonymous", "actions": ["read"] } ]""");

        var record = await GetAsync(name, id, token: null);

        Assert.Contains(TitleNumber, RoleTokens.FieldNumbers(record));
        Assert.Contains(SecretNumber, RoleTokens.FieldNumbers(record));
    }

    [Fact]
    public async Task Get_RoleWithFieldList_LeavesHiddenFieldsUnset()
    {
        var (name, id) = await DefineWithRowAsync("""[ { "role": "viewer", "actions": ["read"], "fields": ["title"] } ]""");
        var token = await RoleTokens.CreateAsync(engine.Http, ["viewer"]);

        var numbers = RoleTokens.FieldNumbers(await GetAsync(name, id, token));

        Assert.Contains(1, numbers);
        Assert.Contains(TitleNumber, numbers);
        Assert.DoesNotContain(SecretNumber, numbers);
    }

    [Fact]
    public async Task Get_InvalidToken_IsUnauthenticated()
    {
        var (name, id) = await DefineWithRowAsync("""[ { "role": "anonymous", "actions": ["read"] } ]""");

        var error = await Assert.ThrowsAsync<RpcException>(() => GetAsync(name, id, token: "not-a-token"));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private async Task<byte[]> GetAsync(string name, string id, string? token) =>
        await channel.CreateCallInvoker().AsyncUnaryCall(RoleTokens.Unary(name, "Get"), null, RoleTokens.Options(token), RoleTokens.GetRequest(id));

    private async Task<(string Name, string Id)> DefineWithRowAsync(string access)
    {
        var name = UniqueNames.Resource("GrpcRoled");
        await engine.DefineAsync(name, $$"""
            { "name": "{{name}}", "fields": [ { "name": "title", "type": "String" }, { "name": "secret", "type": "String" } ], "access": {{access}} }
            """);
        var created = await engine.QueryAsync($$"""mutation { create{{name}}(data: { title: "t", secret: "s" }) { id } }""");
        return (name, created["create" + name]!["id"]!.GetValue<string>());
    }
}
