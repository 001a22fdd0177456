using Engine.Query.Context;
using Engine.Runtime.Context;
using Microsoft.AspNetCore.Http;

namespace Engine.GraphQL.Tests.Http;

/// <summary>Runs every request as <see cref="RequestContext.System"/> (admin), for handler tests that are not about access.</summary>
internal sealed class SystemContextProvider : IRequestContextProvider
{
    public RequestContext GetContext(HttpContext httpContext) => RequestContext.System;

    public Task<RequestContext?> AuthenticateAsync(HttpContext httpContext, string token) => Task.FromResult<RequestContext?>(RequestContext.System);
}
