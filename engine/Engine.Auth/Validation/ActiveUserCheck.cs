using System.Runtime.CompilerServices;
using System.Security.Claims;
using Engine.MetadataStore.Principals;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Engine.Auth.Validation;

/// <summary>
/// Refuses the access tokens of users who were disabled or deleted after the token was issued (SPEC §6: a disabled
/// user's new requests fail), not only their logins and refreshes. What was read about a user is trusted for
/// <see cref="AuthOptions.UserStatusCacheSeconds"/>, so disabling takes at most that long to reach every pod and a busy
/// user costs one store read per pod per period. Only tokens of the built-in server's users are checked: a user token's
/// <c>sub</c> is the user's id and differs from its <c>client_id</c>; client_credentials tokens and an external
/// issuer's tokens pass.
/// </summary>
internal sealed class ActiveUserCheck(PrincipalStore principals, IOptions<AuthOptions> options) : IDisposable
{
    /// <summary>How many users' states are remembered at most.</summary>
    private const int Capacity = 100_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The built-in user each principal stands for, if any: a remembered token hands every request the same principal.</summary>
    private readonly ConditionalWeakTable<ClaimsPrincipal, StrongBox<Guid?>> userIds = new();

    /// <summary>False when <paramref name="principal"/> is a built-in user who is now disabled or deleted.</summary>
    public async ValueTask<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Authority is not null || userIds.GetValue(principal, UserIdOf).Value is not { } userId)
        {
            return true;
        }

        if (cache.TryGetValue(userId, out bool active))
        {
            return active;
        }

        var user = await principals.FindUserAsync(userId, cancellationToken).ConfigureAwait(false);
        active = user is { Disabled: false };
        cache.Set(userId, active, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Math.Max(1, settings.UserStatusCacheSeconds)),
            Size = 1,
        });
        return active;
    }

    /// <inheritdoc/>
    public void Dispose() => cache.Dispose();

    /// <summary>The user id of a built-in user's token: its <c>sub</c> is a GUID that differs from its <c>client_id</c>.</summary>
    private static StrongBox<Guid?> UserIdOf(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject)?.Value;
        var isUser = subject is not null
            && subject != principal.FindFirst(OpenIddict.Abstractions.OpenIddictConstants.Claims.ClientId)?.Value
            && Guid.TryParse(subject, out _);
        return new StrongBox<Guid?>(isUser ? Guid.Parse(subject!) : null);
    }
}
