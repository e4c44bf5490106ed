using System.Security.Cryptography;
using System.Text;

namespace Supervision.EvidenceChain;

/// <summary>
/// The links of an evidence chain: a record's hash is SHA-256 of the hash before it and the record's canonical bytes.
/// The first record's "hash before" is SHA-256 of the chain's name, so a chain cannot pass for another.
/// </summary>
public static class ChainHash
{
    public const int Size = 32;

    private static readonly byte[] GenesisPrefix = "supervision-evidence-chain:"u8.ToArray();

    public static byte[] Genesis(string chain) => SHA256.HashData([.. GenesisPrefix, .. Encoding.UTF8.GetBytes(chain)]);

    public static byte[] Link(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> canonicalRecord)
    {
        // On the hot path: one buffer on the stack for the usual record of a few hundred bytes, no hash object.
        var length = previous.Length + canonicalRecord.Length;
        Span<byte> input = length <= 2048 ? stackalloc byte[length] : new byte[length];
        previous.CopyTo(input);
        canonicalRecord.CopyTo(input[previous.Length..]);
        return SHA256.HashData(input);
    }

    /// <summary>A chain's name: the writing grain's kind and key, e.g. "student_class:C1/S1".</summary>
    public static string ChainName(string kind, string key) => kind + ":" + key;

    public static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);
}
