using Engine.Auth.Hashing;
using Engine.MetadataStore.Principals;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Engine.Auth.Server;

/// <summary>
/// Authenticates the client of a token request against the metadata store: OpenIddict runs in degraded mode (no
/// application store), so this handler is what checks the client id and secret.
/// </summary>
internal sealed class TokenRequestClientValidator(PrincipalStore principals) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var client = context.ClientId is null
            ? null
            : await principals.FindClientAsync(context.ClientId, context.CancellationToken).ConfigureAwait(false);
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

/// <summary>Checks the client and its redirect URI on an authorization request, against the metadata store.</summary>
internal sealed class AuthorizationRequestClientValidator(PrincipalStore principals)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var client = context.ClientId is null
            ? null
            : await principals.FindClientAsync(context.ClientId, context.CancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            context.Reject(Errors.InvalidClient, "the client is unknown");
            return;
        }

        // Exact match only: a prefix or pattern match would let a code be sent to a page the client does not own.
        if (context.RedirectUri is null || !client.RedirectUris.Contains(context.RedirectUri, StringComparer.Ordinal))
        {
            context.Reject(Errors.InvalidRequest, "the redirect_uri is not registered for this client");
        }
    }
}
