using Engine.Auth.Keys;
using Engine.MetadataStore.Principals;

namespace Engine.Auth.Tests.Keys;

public class KeyRingTests
{
    private static readonly StoredKey Encryption = KeyRing.Generate(KeyRing.EncryptionPurpose);
    private static readonly StoredKey Old = KeyRing.Generate(KeyRing.SigningPurpose);
    private static readonly StoredKey New = KeyRing.Generate(KeyRing.SigningPurpose);

    [Fact]
    public void Load_SeveralSigningKeys_SignsWithTheFirstAndKeepsAll()
    {
        var ring = new KeyRing();

        ring.Load([New, Old], Encryption);

        Assert.Equal(New.KeyId, ring.Signing.KeyId);
        Assert.Equal([New.KeyId, Old.KeyId], ring.SigningKeys.Select(k => k.KeyId));
        Assert.True(ring.HasSigningKey(Old.KeyId));
        Assert.False(ring.HasSigningKey("unknown"));
    }

    [Fact]
    public void Load_SameKeysAgain_ChangesNothingAndFiresNoChange()
    {
        var ring = new KeyRing();
        ring.Load([Old], Encryption);
        var token = ring.GetChangeToken();
        var key = ring.Signing;

        Assert.False(ring.Load([Old], Encryption));

        Assert.False(token.HasChanged);
        Assert.Same(key, ring.Signing);
    }

    [Fact]
    public void Load_RotatedRing_FiresChangeAndKeepsLoadedKeyInstances()
    {
        var ring = new KeyRing();
        ring.Load([Old], Encryption);
        var token = ring.GetChangeToken();
        var oldKey = ring.Signing;

        Assert.True(ring.Load([New, Old], Encryption));

        Assert.True(token.HasChanged);
        Assert.Same(oldKey, ring.SigningKeys[1]);
        Assert.Equal(New.KeyId, ring.Signing.KeyId);
    }

    [Fact]
    public void ConsentKey_SameEncryptionKey_IsTheSameOnEveryPod()
    {
        var pod1 = new KeyRing();
        var pod2 = new KeyRing();
        pod1.Load([Old], Encryption);
        pod2.Load([New], Encryption);

        Assert.Equal(pod1.ConsentKey.ToArray(), pod2.ConsentKey.ToArray());
        Assert.Equal(32, pod1.ConsentKey.Length);
    }

    [Fact]
    public void Signing_BeforeLoad_ThrowsNamingTheBootstrap() =>
        Assert.Contains("bootstrap", Assert.Throws<InvalidOperationException>(() => new KeyRing().Signing).Message, StringComparison.Ordinal);
}
