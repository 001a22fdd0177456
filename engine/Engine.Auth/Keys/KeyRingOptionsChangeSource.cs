using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace Engine.Auth.Keys;

/// <summary>
/// Tells the options system that OpenIddict's server options change when the <see cref="KeyRing"/> does, so a rotated
/// key signs the next token and the JWKS lists the new ring without a restart.
/// </summary>
internal sealed class KeyRingOptionsChangeSource(KeyRing ring) : IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => ring.GetChangeToken();
}
