using System.Text.Json;

namespace Supervision.EvidenceVerifier;

/// <summary>A chain's record in a bundle, in full or elided to its position and hash.</summary>
public sealed record ChainEntry(int Line, long Seq, byte[] Hash, JsonElement? Record)
{
    public bool Elided => Record is null;
}
