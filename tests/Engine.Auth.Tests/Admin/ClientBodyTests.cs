using System.Text;
using Engine.Auth.Admin;

namespace Engine.Auth.Tests.Admin;

public sealed class ClientBodyTests
{
    [Fact]
    public void Parse_FullClient_ReadsEveryPart()
    {
        var (body, errors) = ClientBody.Parse(Bytes("""
            {"clientId":"reporting","secret":"0123456789abcdef","roles":["reader","reader"],"claims":{"tenant":"acme"},
             "redirectUris":["https://designer.example/callback"]}
            """), null);

        Assert.Empty(errors);
        Assert.Equal("reporting", body!.ClientId);
        Assert.Equal("0123456789abcdef", body.Secret);
        Assert.Equal(["reader"], body.Roles);
        Assert.Equal("acme", body.Claims["tenant"]);
        Assert.Equal(["https://designer.example/callback"], body.RedirectUris);
    }

    [Fact]
    public void Parse_AdminDesignerId_IsRefusedAsBuiltIn()
    {
        var (body, errors) = ClientBody.Parse(Bytes("""{"clientId":"engine-admin-designer","redirectUris":["https://x.example/cb"]}"""), null);

        Assert.Null(body);
        Assert.Contains(errors, e => e.Path == "clientId" && e.Message.Contains("built-in", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoClientIdInBody_TakesTheUrls()
    {
        var (body, errors) = ClientBody.Parse(Bytes("""{"roles":[]}"""), "from-url");

        Assert.Empty(errors);
        Assert.Equal("from-url", body!.ClientId);
        Assert.Null(body.Secret);
    }

    [Fact]
    public void Parse_ReservedClaim_ReportsItsPath()
    {
        var (body, errors) = ClientBody.Parse(Bytes("""{"clientId":"a","claims":{"role":"admin"}}"""), null);

        Assert.Null(body);
        Assert.Equal("claims.role", Assert.Single(errors).Path);
    }

    [Fact]
    public void Parse_RedirectUriWithFragment_ReportsItsPath()
    {
        var (_, errors) = ClientBody.Parse(Bytes("""{"clientId":"a","redirectUris":["https://ok.example/cb","https://x.example/cb#f"]}"""), null);

        Assert.Equal("redirectUris[1]", Assert.Single(errors).Path);
    }

    [Fact]
    public void Parse_NotAnObject_ReportsTheRoot()
    {
        var (_, errors) = ClientBody.Parse(Bytes("[]"), null);

        Assert.Equal("", Assert.Single(errors).Path);
    }

    private static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
