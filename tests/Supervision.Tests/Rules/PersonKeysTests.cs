using System.Security.Cryptography;
using Supervision.Contracts.Students;
using Supervision.Grains.Students;
using Supervision.Tests.Infrastructure;

namespace Supervision.Tests.Rules;

public sealed class PersonKeysTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(PersonKeys.SecretBytes);

    [Fact]
    public void One_secret_gives_one_person_one_key_of_32_hex_digits_whatever_the_case_of_the_check_character()
    {
        var keys = new PersonKeys(Secret);
        const string body = "11010519491231002";

        var key = keys.Of(body + "X");

        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.Equal(key, keys.Of(body + "x"));
        Assert.Equal(key, new PersonKeys((byte[])Secret.Clone()).Of(body + "X"));
        Assert.NotEqual(key, keys.Of(TestIds.IdNumber()));
    }

    [Fact]
    public void Without_the_secret_the_key_cannot_be_computed_another_secret_gives_another_key_and_the_plain_digest_is_not_it()
    {
        var cardNo = TestIds.IdNumber();
        var key = new PersonKeys(Secret).Of(cardNo);

        Assert.NotEqual(key, new PersonKeys(RandomNumberGenerator.GetBytes(PersonKeys.SecretBytes)).Of(cardNo));
        Assert.NotEqual(key, PlainPersonDigest.Of(cardNo));
    }

    [Fact]
    public void A_secret_shorter_than_the_hash_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PersonKeys(new byte[PersonKeys.SecretBytes - 1]));
    }
}
