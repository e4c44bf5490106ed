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
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        hash.AppendData(canonicalRecord);
        return hash.GetHashAndReset();
    }

    /// <summary>A chain's name: the writing grain's kind and key, e.g. "student_class:C1/S1".</summary>
    public static string ChainName(string kind, string key) => kind + ":" + key;

    public static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);
}
