namespace Supervision.Grains.Evidence;

/// <summary>
/// The last link of a grain's evidence chain: how many records it has written and the hash of the last one.
/// Each record's hash covers the one before it, so the head commits to the whole chain. It is committed with the
/// grain's version, so a write that loses its version check cannot fork the chain.
/// </summary>
public readonly record struct ChainHead(long Seq, byte[]? Hash)
{
    public static ChainHead Empty => new(0, null);
}
