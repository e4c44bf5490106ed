using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Supervision.WebFront.Keys;

/// <summary>
/// SipHash-2-4 with its 128-bit output (Aumasson and Bernstein), under a key drawn at random for this process: a
/// keyed hash made for tables whose keys a caller chooses. Without the key nobody can make two texts collide except
/// by chance (2^-128 a pair), and the key never leaves the process. It costs about twice a string's own hash and
/// nothing on the heap, where an HMAC-SHA256 through the platform's library costs microseconds.
/// </summary>
public sealed class SipHash128
{
    private readonly ulong k0;
    private readonly ulong k1;

    public SipHash128()
        : this(RandomNumberGenerator.GetBytes(16))
    {
    }

    /// <summary>A fixed key: for the reference vectors; every use in the front draws its own.</summary>
    public SipHash128(ReadOnlySpan<byte> key)
    {
        k0 = BinaryPrimitives.ReadUInt64LittleEndian(key);
        k1 = BinaryPrimitives.ReadUInt64LittleEndian(key[8..]);
    }

    /// <summary>The hash of the text's UTF-16 code units.</summary>
    public UInt128 Of(ReadOnlySpan<char> text) => Of(MemoryMarshal.AsBytes(text));

    public UInt128 Of(ReadOnlySpan<byte> data)
    {
        var v0 = 0x736f6d6570736575UL ^ k0;
        var v1 = 0x646f72616e646f6dUL ^ k1 ^ 0xee;
        var v2 = 0x6c7967656e657261UL ^ k0;
        var v3 = 0x7465646279746573UL ^ k1;
        var blocks = data.Length / 8 * 8;
        for (var i = 0; i < blocks; i += 8)
        {
            var m = BinaryPrimitives.ReadUInt64LittleEndian(data[i..]);
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }

        var last = (ulong)data.Length << 56;
        for (var i = blocks; i < data.Length; i++)
        {
            last |= (ulong)data[i] << (8 * (i - blocks));
        }

        v3 ^= last;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= last;
        v2 ^= 0xee;
        for (var i = 0; i < 4; i++)
        {
            Round(ref v0, ref v1, ref v2, ref v3);
        }

        var low = v0 ^ v1 ^ v2 ^ v3;
        v1 ^= 0xdd;
        for (var i = 0; i < 4; i++)
        {
            Round(ref v0, ref v1, ref v2, ref v3);
        }

        return new UInt128(v0 ^ v1 ^ v2 ^ v3, low);
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v1 = BitOperations.RotateLeft(v1, 13) ^ v0;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v3;
        v3 = BitOperations.RotateLeft(v3, 16) ^ v2;
        v0 += v3;
        v3 = BitOperations.RotateLeft(v3, 21) ^ v0;
        v2 += v1;
        v1 = BitOperations.RotateLeft(v1, 17) ^ v2;
        v2 = BitOperations.RotateLeft(v2, 32);
    }
}
