using System.Security.Claims;
using Engine.Auth.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Engine.Auth.Tests.Validation;

public class ValidatedTokenCacheTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private static readonly AuthenticationScheme Scheme = new(JwtBearerDefaults.AuthenticationScheme, null, typeof(JwtBearerHandler));

    private readonly ValidatedTokenCache cache = new(new FixedTime(Now));

    [Fact]
    public async Task OnMessageReceived_TokenValidatedBefore_SucceedsWithItsPrincipal()
    {
        var principal = Principal("ada");
        await cache.OnTokenValidated(Validated(Request("engine.example", "token-a"), principal, Now.AddMinutes(5)));

        var received = Received(Request("engine.example", "token-a"));
        await cache.OnMessageReceived(received);

        Assert.True(received.Result?.Succeeded);
        Assert.Same(principal, received.Result!.Principal);
    }

    [Fact]
    public async Task OnMessageReceived_UnknownTokenOrOtherHost_LeavesValidationToTheHandler()
    {
        await cache.OnTokenValidated(Validated(Request("engine.example", "token-a"), Principal("ada"), Now.AddMinutes(5)));

        var otherToken = Received(Request("engine.example", "token-b"));
        var otherHost = Received(Request("other.example", "token-a"));
        var noToken = Received(new DefaultHttpContext());
        await cache.OnMessageReceived(otherToken);
        await cache.OnMessageReceived(otherHost);
        await cache.OnMessageReceived(noToken);

        Assert.Null(otherToken.Result);
        Assert.Null(otherHost.Result);
        Assert.Null(noToken.Result);
    }

    [Fact]
    public async Task OnTokenValidated_TokenAlreadyExpired_IsNotRemembered()
    {
        await cache.OnTokenValidated(Validated(Request("engine.example", "token-a"), Principal("ada"), Now.AddSeconds(-1)));

        var received = Received(Request("engine.example", "token-a"));
        await cache.OnMessageReceived(received);

        Assert.Null(received.Result);
    }

    private static HttpContext Request(string host, string token)
    {
        var http = new DefaultHttpContext();
        http.Request.Host = new HostString(host);
        http.Request.Headers.Authorization = "Bearer " + token;
        return http;
    }

    private static ClaimsPrincipal Principal(string subject) => new(new ClaimsIdentity([new Claim("sub", subject)], "Bearer"));

    private static MessageReceivedContext Received(HttpContext http) => new(http, Scheme, new JwtBearerOptions());

    private static TokenValidatedContext Validated(HttpContext http, ClaimsPrincipal principal, DateTime expires) =>
        new(http, Scheme, new JwtBearerOptions()) { Principal = principal, SecurityToken = new ExpiringToken(expires) };

    private sealed class FixedTime(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }

    private sealed class ExpiringToken(DateTime validTo) : SecurityToken
    {
        public override string Id => "test";

        public override string Issuer => "http://engine.example/";

        public override SecurityKey? SecurityKey => null;

        public override SecurityKey? SigningKey { get; set; }

        public override DateTime ValidFrom => validTo.AddHours(-1);

        public override DateTime ValidTo => validTo;
    }
}
