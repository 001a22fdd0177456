using Engine.Auth.Validation;
using Microsoft.AspNetCore.Http;

namespace Engine.Auth.Tests.Validation;

public sealed class BuiltInIssuerTests
{
    [Fact]
    public void IsValid_ConfiguredIssuer_AcceptsOnlyIt()
    {
        Assert.True(BuiltInIssuer.IsValid("https://auth.example/", "https://auth.example", null));
        Assert.False(BuiltInIssuer.IsValid("https://other.example/", "https://auth.example", null));
    }

    [Fact]
    public void IsValid_UnconfiguredSameHostOtherPort_IsTrue()
    {
        Assert.True(BuiltInIssuer.IsValid("http://127.0.0.1:8080/", null, Request("127.0.0.1:8081")));
    }

    [Fact]
    public void IsValid_UnconfiguredOtherHost_IsFalse()
    {
        Assert.False(BuiltInIssuer.IsValid("https://issuer.example/", null, Request("127.0.0.1:8081")));
    }

    [Fact]
    public void IsValid_UnconfiguredWithPath_IsFalse()
    {
        Assert.False(BuiltInIssuer.IsValid("http://127.0.0.1:8080/tenant/", null, Request("127.0.0.1:8080")));
    }

    private static DefaultHttpContext Request(string host)
    {
        var http = new DefaultHttpContext();
        http.Request.Host = new HostString(host);
        return http;
    }
}
