using Engine.Auth.Server;
using Microsoft.AspNetCore.Http;

namespace Engine.Auth.Tests.Server;

public class AdminDesignerCallbackTests
{
    [Theory]
    [InlineData("http://engine.example:8080/admin/callback")]
    [InlineData("http://ENGINE.example:8080/admin/callback")]
    public void IsOwnCallback_RequestsOwnOrigin_IsTrue(string redirectUri) =>
        Assert.True(AdminDesignerCallback.IsOwnCallback(redirectUri, Request("http", "engine.example:8080"), null));

    [Theory]
    [InlineData("http://attacker.example:8080/admin/callback")]
    [InlineData("http://engine.example:8081/admin/callback")]
    [InlineData("https://engine.example:8080/admin/callback")]
    [InlineData("http://engine.example:8080/admin/other")]
    [InlineData("http://engine.example:8080/admin/callback?next=x")]
    [InlineData("http://engine.example:8080/admin/callback#x")]
    [InlineData("http://user@engine.example:8080/admin/callback")]
    [InlineData("http://engine.example.attacker.example:8080/admin/callback")]
    [InlineData("/admin/callback")]
    [InlineData(null)]
    public void IsOwnCallback_AnythingElse_IsFalse(string? redirectUri) =>
        Assert.False(AdminDesignerCallback.IsOwnCallback(redirectUri, Request("http", "engine.example:8080"), null));

    [Fact]
    public void IsOwnCallback_ConfiguredIssuerOrigin_IsTrueBehindTlsIngress()
    {
        var request = Request("http", "engine.example");

        Assert.True(AdminDesignerCallback.IsOwnCallback("https://engine.example/admin/callback", request, "https://engine.example/"));
        Assert.False(AdminDesignerCallback.IsOwnCallback("https://other.example/admin/callback", request, "https://engine.example/"));
    }

    [Fact]
    public void IsOwnCallback_UnderPathBase_NeedsThePathBase()
    {
        var request = Request("http", "engine.example");
        request.PathBase = "/engine";

        Assert.True(AdminDesignerCallback.IsOwnCallback("http://engine.example/engine/admin/callback", request, null));
        Assert.False(AdminDesignerCallback.IsOwnCallback("http://engine.example/admin/callback", request, null));
    }

    private static HttpRequest Request(string scheme, string host)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = scheme;
        http.Request.Host = new HostString(host);
        return http.Request;
    }
}
