using Engine.Auth.Bootstrap;
using Engine.Auth.Keys;
using Engine.Auth.RateLimiting;
using Engine.Auth.Server;
using Engine.Auth.Validation;
using Engine.MetadataStore.Principals;
using Engine.Runtime.Context;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Engine.Auth;

/// <summary>Registers authentication (SPEC §6): the built-in OAuth2/OIDC server, bearer-token validation and principals.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Adds the built-in OpenIddict server (degraded mode: clients, users and keys come from the metadata store; codes
    /// and refresh tokens are self-contained and encrypted), JwtBearer validation against that server or against
    /// <c>Auth:Authority</c>, the token-request rate limiter and the <see cref="IRequestContextProvider"/> that reads roles
    /// from <c>Auth:RoleClaim</c>. Needs the host's <see cref="Npgsql.NpgsqlDataSource"/> and metadata store.
    /// </summary>
    public static IServiceCollection AddEngineAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthOptions.Section);
        services.Configure<AuthOptions>(section);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();

        services.AddSingleton<PrincipalStore>();
        services.AddSingleton<SharedKeyStore>();
        services.AddSingleton<ConsentStore>();
        services.AddSingleton<RedeemedTokenStore>();
        services.AddSingleton<ClientDirectory>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<KeyRingLoader>();
        services.AddHostedService<AuthBootstrapService>();
        services.AddHostedService<AuthMaintenanceService>();
        services.AddHttpContextAccessor();
        services.RemoveAll<IRequestContextProvider>();
        services.AddSingleton<IRequestContextProvider, AuthRequestContextProvider>();
        services.AddRateLimiter(TokenRequestLimits.Configure);

        services.AddOpenIddict().AddServer(server => ConfigureServer(server, options));
        services.AddOptions<OpenIddictServerOptions>().Configure<KeyRing>(AddKeys);
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>, KeyRingOptionsChangeSource>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ValidatedTokenCache>();
        services.AddSingleton<ActiveUserCheck>();
        services.AddSingleton(provider => new BearerEvents(
            provider.GetRequiredService<ValidatedTokenCache>(), provider.GetRequiredService<ActiveUserCheck>(),
            provider.GetRequiredService<KeyRingLoader>(), options));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<KeyRing, IHttpContextAccessor, BearerEvents>((bearer, ring, accessor, events) => ConfigureBearer(bearer, options, ring, accessor, events));
        return services;
    }

    private static void ConfigureServer(OpenIddictServerBuilder server, AuthOptions options)
    {
        server.SetTokenEndpointUris("connect/token")
            .SetAuthorizationEndpointUris("connect/authorize")
            .AllowClientCredentialsFlow()
            .AllowAuthorizationCodeFlow()
            .RequireProofKeyForCodeExchange()
            .AllowRefreshTokenFlow()
            .RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess)
            .SetAccessTokenLifetime(TimeSpan.FromMinutes(options.AccessTokenMinutes))
            .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2))
            .SetRefreshTokenLifetime(TimeSpan.FromDays(options.RefreshTokenDays))
            .DisableAccessTokenEncryption()
            .EnableDegradedMode();
        if (options.Issuer is not null)
        {
            server.SetIssuer(new Uri(options.Issuer, UriKind.Absolute));
        }

        server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(
            handler => handler.UseSingletonHandler<TokenRequestClientValidator>());
        server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(
            handler => handler.UseSingletonHandler<AuthorizationRequestClientValidator>());

        // The engine speaks plain HTTP behind the TLS-terminating ingress, like every other endpoint it serves.
        server.UseAspNetCore()
            .EnableTokenEndpointPassthrough()
            .EnableAuthorizationEndpointPassthrough()
            .DisableTransportSecurityRequirement();
    }

    /// <summary>
    /// The ring's keys, current first: OpenIddict signs with the first and publishes and accepts all. (It re-sorts them,
    /// but RSA keys compare equal and the sort keeps the order of so few.)
    /// </summary>
    private static void AddKeys(OpenIddictServerOptions server, KeyRing ring)
    {
        foreach (var key in ring.SigningKeys)
        {
            server.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        server.EncryptionCredentials.Add(
            new EncryptingCredentials(ring.Encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private static void ConfigureBearer(JwtBearerOptions bearer, AuthOptions options, KeyRing ring, IHttpContextAccessor accessor, BearerEvents events)
    {
        bearer.Events = events.Create();
        // Claims keep their JWT names (sub, role), as access rules and the request context read them.
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters.ValidAudience = options.Audience;
        bearer.TokenValidationParameters.NameClaimType = Claims.Name;
        bearer.TokenValidationParameters.RoleClaimType = options.RoleClaim;
        if (options.Authority is not null)
        {
            bearer.Authority = options.Authority;
            bearer.RequireHttpsMetadata = options.RequireHttpsMetadata;
            return;
        }

        bearer.TokenValidationParameters.IssuerValidator = BuiltInIssuer.Validator(options.Issuer, accessor);
        bearer.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => ring.SigningKeys;
    }
}
