using System.Security.Claims;
using Engine.Auth.Validation;
using Engine.Query.Context;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Engine.Auth.Tests.Validation;

public sealed class AuthRequestContextProviderTests
{
    [Fact]
    public void GetContext_NoToken_IsAnonymous()
    {
        var provider = new AuthRequestContextProvider(Options.Create(new AuthOptions()));

        Assert.Same(RequestContext.Anonymous, provider.GetContext(new DefaultHttpContext()));
    }

    [Fact]
    public void GetContext_ConfiguredRoleClaim_ReadsRolesFromIt()
    {
        var provider = new AuthRequestContextProvider(Options.Create(new AuthOptions { RoleClaim = "groups" }));
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim("sub", "ada"), new Claim("groups", "editor"), new Claim("role", "admin"), new Claim("tenant", "acme")], "Bearer")),
        };

        var context = provider.GetContext(http);

        Assert.Equal("ada", context.Subject);
        Assert.Equal(["editor"], context.Roles);
        Assert.False(context.IsAdmin);
        Assert.Equal("acme", context.Claims["tenant"]);
    }

    [Fact]
    public void GetContext_TokenWithoutRoles_IsAnonymousRole()
    {
        var provider = new AuthRequestContextProvider(Options.Create(new AuthOptions()));
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "x")], "Bearer")) };

        Assert.Equal([RequestContext.AnonymousRole], provider.GetContext(http).Roles);
    }
}
