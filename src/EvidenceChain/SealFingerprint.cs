using System.Security.Cryptography;

namespace Supervision.EvidenceChain;

/// <summary>A seal key's fingerprint: SHA-256 of its DER SubjectPublicKeyInfo, in lowercase hex.</summary>
public static class SealFingerprint
{
    public static string Of(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));
}
