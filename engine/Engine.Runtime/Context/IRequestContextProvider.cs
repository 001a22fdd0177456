using Engine.Query.Context;
using Microsoft.AspNetCore.Http;

namespace Engine.Runtime.Context;

/// <summary>Says who is calling: turns an HTTP request into the <see cref="RequestContext"/> plans run under.</summary>
public interface IRequestContextProvider
{
    /// <summary>The caller of <paramref name="httpContext"/>.</summary>
    RequestContext GetContext(HttpContext httpContext);

    /// <summary>
    /// The caller named by <paramref name="token"/>, a bearer token sent inside a protocol (the <c>connection_init</c>
    /// payload of a WebSocket opened by <paramref name="httpContext"/>); null when the token does not validate.
    /// </summary>
    Task<RequestContext?> AuthenticateAsync(HttpContext httpContext, string token);
}
