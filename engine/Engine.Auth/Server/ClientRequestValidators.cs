using Engine.Auth.Hashing;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Engine.Auth.Server;

/// <summary>
/// Authenticates the client of a token request against the metadata store: OpenIddict runs in degraded mode (no
/// application store), so this handler is what checks the client id and secret.
/// </summary>
internal sealed class TokenRequestClientValidator(ClientDirectory clients) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var client = context.ClientId is null
            ? null
            : await clients.FindAsync(context.ClientId, context.CancellationToken).ConfigureAwait(false);
        if (client?.SecretHash is null)
        {
            // Public clients (no secret) may only redeem codes and refresh tokens, with PKCE; an unknown id costs as much as a known one.
            SecretHasher.Verify(null, context.ClientSecret ?? "");
            if (client is null || context.Request.IsClientCredentialsGrantType())
            {
                context.Reject(Errors.InvalidClient, "the client is unknown or may not use this grant");
            }

            return;
        }

        if (context.ClientSecret is null || !SecretHasher.Verify(client.SecretHash, context.ClientSecret))
        {
            context.Reject(Errors.InvalidClient, "the client id or secret is wrong");
        }
    }
}

/// <summary>
/// Checks the client and its redirect URI on an authorization request, against the metadata store; the admin designer's
/// built-in client may only redirect to <c>/admin/callback</c> on the engine's own origin.
/// </summary>
internal sealed class AuthorizationRequestClientValidator(ClientDirectory clients, IOptions<AuthOptions> options)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var client = context.ClientId is null
            ? null
            : await clients.FindAsync(context.ClientId, context.CancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            context.Reject(Errors.InvalidClient, "the client is unknown");
            return;
        }

        if (ClientDirectory.IsFirstParty(client.ClientId))
        {
            var request = context.Transaction.GetHttpRequest()
                ?? throw new InvalidOperationException("the authorization request is not an ASP.NET Core request");
            if (!AdminDesignerCallback.IsOwnCallback(context.RedirectUri, request, options.Value.Issuer))
            {
                context.Reject(Errors.InvalidRequest, $"the redirect_uri of {client.ClientId} is {AdminDesignerCallback.Path} on this engine's own origin");
            }

            return;
        }

        // Exact match only: a prefix or pattern match would let a code be sent to a page the client does not own.
        if (context.RedirectUri is null || !client.RedirectUris.Contains(context.RedirectUri, StringComparer.Ordinal))
        {
            context.Reject(Errors.InvalidRequest, "the redirect_uri is not registered for this client");
        }
    }
}
