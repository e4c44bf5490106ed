using System.Buffers.Binary;
using Supervision.WebFront.Keys;

namespace Supervision.Tests.Front;

/// <summary>
/// The front remembers the keys it found stored as their 128-bit SipHash under a key of its own, not as their text:
/// the hash is the reference algorithm, and a remembered key answers for its own text alone.
/// </summary>
public sealed class RememberedKeysTests
{
    /// <summary>Aumasson and Bernstein's vectors_sip128: key 00..0f, the message 00, 01, … of each length.</summary>
    [Theory]
    [InlineData(0, "a3817f04ba25a8e66df67214c7550293")]
    [InlineData(7, "a1f1ebbed8dbc153c0b84aa61ff08239")]
    [InlineData(8, "3b62a9ba6258f5610f83e264f31497b4")]
    [InlineData(15, "5493e99933b0a8117e08ec0f97cfc3d9")]
    [InlineData(63, "5150d1772f50834a503e069a973fbd7c")]
    public void SipHash128_gives_the_reference_vectors(int length, string expected)
    {
        var key = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        var message = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var hash = new SipHash128(key).Of(message);

        Assert.Equal(BinaryPrimitives.ReadUInt128LittleEndian(Convert.FromHexString(expected)), hash);
    }

    [Fact]
    public void A_found_key_is_remembered_and_no_other_text_passes_for_it()
    {
        var keys = new RememberedKeys(10);
        keys.Add(keys.KeyOf("student", "platform-1", "class-1", "student-1"));

        Assert.True(keys.Contains(keys.KeyOf("student", "platform-1", "class-1", "student-1")));
        Assert.False(keys.Contains(keys.KeyOf("student", "platform-1", "class-1", "student-2")));
        Assert.False(keys.Contains(keys.KeyOf("student", "platform-2", "class-1", "student-1")));
        Assert.False(keys.Contains(keys.KeyOf("person", "platform-1", "class-1", "student-1")));
    }

    [Fact]
    public void Two_fronts_remember_under_keys_of_their_own()
    {
        Assert.NotEqual(new RememberedKeys(10).KeyOf("person", "p"), new RememberedKeys(10).KeyOf("person", "p"));
    }

    [Fact]
    public void A_text_longer_than_the_stack_buffer_is_remembered_as_well()
    {
        var keys = new RememberedKeys(10);
        var longCode = new string('x', 1000);
        keys.Add(keys.KeyOf("student", "platform-1", "class-1", longCode));

        Assert.True(keys.Contains(keys.KeyOf("student", "platform-1", "class-1", longCode)));
        Assert.False(keys.Contains(keys.KeyOf("student", "platform-1", "class-1", longCode + "y")));
    }

    [Fact]
    public void A_full_set_starts_afresh_rather_than_growing()
    {
        var keys = new RememberedKeys(2);
        var first = keys.KeyOf("person", "1");
        keys.Add(first);
        keys.Add(keys.KeyOf("person", "2"));
        keys.Add(keys.KeyOf("person", "3"));

        Assert.False(keys.Contains(first));
        Assert.True(keys.Contains(keys.KeyOf("person", "3")));
    }
}
