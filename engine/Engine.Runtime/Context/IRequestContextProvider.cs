using Engine.Query.Context;
using Microsoft.AspNetCore.Http;

namespace Engine.Runtime.Context;

/// <summary>Says who is calling: turns an HTTP request into the <see cref="RequestContext"/> plans run under.</summary>
public interface IRequestContextProvider
{
    /// <summary>The caller of <paramref name="httpContext"/>.</summary>
    RequestContext GetContext(HttpContext httpContext);
}
