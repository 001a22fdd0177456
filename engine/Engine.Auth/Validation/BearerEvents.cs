using Engine.Auth.Keys;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Net.Http.Headers;

namespace Engine.Auth.Validation;

/// <summary>
/// The JwtBearer events of the engine: a token validated before is taken from <see cref="ValidatedTokenCache"/>; a token
/// naming a signing key this pod does not hold makes it reload the key ring first (another pod may have rotated); and a
/// valid token of a user disabled since is refused (<see cref="ActiveUserCheck"/>), cached or not.
/// </summary>
internal sealed class BearerEvents(ValidatedTokenCache cache, ActiveUserCheck users, KeyRingLoader keys, AuthOptions options)
{
    private const string Inactive = "the token's user is disabled or deleted";

    private static readonly JsonWebTokenHandler Reader = new();

    public JwtBearerEvents Create() => new() { OnMessageReceived = MessageReceivedAsync, OnTokenValidated = TokenValidatedAsync };

    private async Task MessageReceivedAsync(MessageReceivedContext context)
    {
        await cache.OnMessageReceived(context).ConfigureAwait(false);
        var cancellationToken = context.HttpContext.RequestAborted;
        if (context.Result?.Succeeded == true)
        {
            if (!await users.IsActiveAsync(context.Principal!, cancellationToken).ConfigureAwait(false))
            {
                context.Fail(Inactive);
            }

            return;
        }

        if (options.Authority is null && KeyId(context.Request.Headers[HeaderNames.Authorization]) is { } keyId)
        {
            await keys.LoadIfUnknownAsync(keyId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TokenValidatedAsync(TokenValidatedContext context)
    {
        if (!await users.IsActiveAsync(context.Principal!, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.Fail(Inactive);
            return;
        }

        await cache.OnTokenValidated(context).ConfigureAwait(false);
    }

    /// <summary>The <c>kid</c> in the header of a bearer JWT, or null when there is none or it is not a JWT.</summary>
    private static string? KeyId(string? authorization)
    {
        const string prefix = "Bearer ";
        if (authorization is null || !authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[prefix.Length..].Trim();
        try
        {
            return Reader.CanReadToken(token) ? new JsonWebToken(token).Kid : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
