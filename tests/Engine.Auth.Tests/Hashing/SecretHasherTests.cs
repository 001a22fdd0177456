using Engine.Auth.Hashing;

namespace Engine.Auth.Tests.Hashing;

public sealed class SecretHasherTests
{
    [Fact]
    public void Verify_SameSecret_IsTrue()
    {
        Assert.True(SecretHasher.Verify(SecretHasher.Hash("s3cret-value"), "s3cret-value"));
    }

    [Fact]
    public void Verify_OtherSecret_IsFalse()
    {
        Assert.False(SecretHasher.Verify(SecretHasher.Hash("s3cret-value"), "s3cret-valuf"));
    }

    [Fact]
    public void Verify_NoStoredHash_IsFalse()
    {
        Assert.False(SecretHasher.Verify(null, "anything"));
    }

    [Fact]
    public void Hash_SameSecretTwice_IsSaltedDifferently()
    {
        var first = SecretHasher.Hash("s3cret-value");

        Assert.NotEqual(first, SecretHasher.Hash("s3cret-value"));
        Assert.DoesNotContain("s3cret-value", first, StringComparison.Ordinal);
    }
}
