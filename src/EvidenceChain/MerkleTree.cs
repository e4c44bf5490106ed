using System.Security.Cryptography;

namespace Supervision.EvidenceChain;

/// <summary>
/// The Merkle tree of RFC 6962 (section 2.1) over a day's seal groups: a leaf's hash is SHA-256(0x00 || data), a
/// node's SHA-256(0x01 || left || right), the left subtree holding the largest power of two below the count. An audit
/// path proves one leaf with about log2(n) hashes, so a class's export carries its own group and not the whole day.
/// </summary>
public static class MerkleTree
{
    public static byte[] LeafHash(ReadOnlySpan<byte> data) => SHA256.HashData([0x00, .. data]);

    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) =>
        leafHashes.Count == 0 ? SHA256.HashData([]) : Subtree(leafHashes, 0, leafHashes.Count);

    /// <summary>The audit path of the leaf at <paramref name="index"/>, nearest sibling first.</summary>
    public static IReadOnlyList<byte[]> AuditPath(IReadOnlyList<byte[]> leafHashes, int index)
    {
        var path = new List<byte[]>();
        Path(leafHashes, index, 0, leafHashes.Count, path);
        return path;
    }

    /// <summary>Whether <paramref name="path"/> leads from the leaf to <paramref name="root"/> (RFC 9162 section 2.1.3.2).</summary>
    public static bool Verify(ReadOnlySpan<byte> leafHash, long index, long size, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size)
        {
            return false;
        }

        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        if (count == 1)
        {
            return leaves[start];
        }

        var k = Split(count);
        return Node(Subtree(leaves, start, k), Subtree(leaves, start + k, count - k));
    }

    private static void Path(IReadOnlyList<byte[]> leaves, int index, int start, int count, List<byte[]> path)
    {
        if (count == 1)
        {
            return;
        }

        var k = Split(count);
        if (index < k)
        {
            Path(leaves, index, start, k, path);
            path.Add(Subtree(leaves, start + k, count - k));
        }
        else
        {
            Path(leaves, index - k, start + k, count - k, path);
            path.Add(Subtree(leaves, start, k));
        }
    }

    /// <summary>The largest power of two below <paramref name="count"/> (count ≥ 2).</summary>
    private static int Split(int count)
    {
        var k = 1;
        while (k * 2 < count)
        {
            k *= 2;
        }

        return k;
    }

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);
}
