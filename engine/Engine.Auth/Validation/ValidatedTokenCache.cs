using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Engine.Auth.Validation;

/// <summary>
/// Remembers bearer tokens that validated, until they expire, so a client sending the same token again costs a lookup
/// instead of a signature check and claims parsing (about 100 µs of CPU per request, docs/benchmarks.md). The key holds
/// the request's host too, because without a configured issuer a token is valid only for the host it was issued by.
/// Tokens that fail are never cached: they are validated (and refused) every time.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider time) : IDisposable
{
    /// <summary>How many tokens are remembered at most; beyond that the cache compacts and tokens are validated again.</summary>
    public const int Capacity = 10_000;

    private const string BearerPrefix = "Bearer ";

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>Succeeds at once with the remembered principal when the request's token validated before.</summary>
    public Task OnMessageReceived(MessageReceivedContext context)
    {
        if (Find(context.Request) is { } principal)
        {
            context.Principal = principal;
            context.Success();
        }

        return Task.CompletedTask;
    }

    /// <summary>The remembered principal of the request's bearer token, or null when the token did not validate before.</summary>
    public ClaimsPrincipal? Find(Microsoft.AspNetCore.Http.HttpRequest request) =>
        Key(request) is { } key && cache.TryGetValue(key, out ClaimsPrincipal? principal) ? principal : null;

    /// <summary>Remembers a token that just validated, until its expiry.</summary>
    public Task OnTokenValidated(TokenValidatedContext context)
    {
        var expires = context.SecurityToken.ValidTo;
        if (Key(context.Request) is { } key && context.Principal is { } principal && expires > time.GetUtcNow().UtcDateTime)
        {
            cache.Set(key, principal, new MemoryCacheEntryOptions { AbsoluteExpiration = new DateTimeOffset(expires, TimeSpan.Zero), Size = 1 });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose() => cache.Dispose();

    /// <summary>
    /// The request's host (with its port, as in an issuer) and whole <c>Authorization</c> value: both strings exist already, so a
    /// lookup allocates nothing (a token is ~750 characters).
    /// </summary>
    private static (string Host, string Authorization)? Key(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        string? header = request.Headers[HeaderNames.Authorization];
        return header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && header.Length > BearerPrefix.Length
            ? (request.Host.Value ?? "", header)
            : null;
    }
}
