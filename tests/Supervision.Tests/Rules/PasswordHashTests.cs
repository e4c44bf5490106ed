using Supervision.Grains.Platforms;

namespace Supervision.Tests.Rules;

public sealed class PasswordHashTests
{
    [Fact]
    public void A_hash_verifies_its_own_password_only()
    {
        var hash = PasswordHash.Create("correct horse battery");
        Assert.True(PasswordHash.Verify("correct horse battery", hash));
        Assert.False(PasswordHash.Verify("correct horse batterY", hash));
        Assert.DoesNotContain("correct horse battery", hash);
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time() =>
        Assert.NotEqual(PasswordHash.Create("same password"), PasswordHash.Create("same password"));

    [Fact]
    public void A_hash_in_an_unknown_format_verifies_nothing() =>
        Assert.False(PasswordHash.Verify("anything", "md5$abc"));
}
