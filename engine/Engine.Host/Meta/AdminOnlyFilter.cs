using Engine.Runtime.Context;

namespace Engine.Host.Meta;

/// <summary>Lets only callers with the admin role reach the metadata API (SPEC §2).</summary>
internal sealed class AdminOnlyFilter(IRequestContextProvider contexts) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = contexts.GetContext(context.HttpContext);
        if (!caller.IsAdmin)
        {
            return MetaResults.Errors(
                caller.Subject is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
                "", "the metadata API is for the admin role only");
        }

        return await next(context).ConfigureAwait(false);
    }
}
