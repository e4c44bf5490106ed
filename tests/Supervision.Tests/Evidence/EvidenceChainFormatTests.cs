using System.Security.Cryptography;
using System.Text;
using Supervision.EvidenceChain;

namespace Supervision.Tests.Evidence;

/// <summary>
/// The bundle's formats another party reimplements (docs/evidence-export.md): canonical JSON gives one text for what
/// jsonb may hand back in another, and every leaf of every tree size proves itself against the root and no other leaf does (the tree's size
/// is not proven by a path: the seal's body states it).
/// </summary>
public sealed class EvidenceChainFormatTests
{
    [Theory]
    [InlineData("""{"b":1,"a":[true,null,"x"]}""", """{"a":[true,null,"x"],"b":1}""")]
    [InlineData("""{ "a" : 1.50, "a": 2E1 }""", """{"a":20}""")]
    [InlineData("""{"n":-0.0100,"m":1.5e-3,"z":-0,"big":12345678901234567890123}""", """{"big":12345678901234567890123,"m":0.0015,"n":-0.01,"z":0}""")]
    [InlineData("""{"s":"\u00e9\n\"\\\/<\u0001"}""", "{\"s\":\"é\\n\\\"\\\\/<\\u0001\"}")]
    [InlineData("""{"é":1,"z":2,"Z":3}""", """{"Z":3,"z":2,"é":1}""")]
    public void Canonical_json_is_one_text_for_one_value_whatever_the_spacing_key_order_number_form_or_escapes(string json, string canonical)
    {
        Assert.Equal(canonical, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(json)));
        Assert.Equal(canonical, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(canonical)));
    }

    [Fact]
    public void Every_leaf_of_every_tree_size_proves_itself_against_the_root_and_fails_as_another_leaf()
    {
        for (var size = 1; size <= 17; size++)
        {
            var leaves = Enumerable.Range(0, size).Select(i => MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"class-{i}"))).ToList();
            var root = MerkleTree.Root(leaves);
            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.AuditPath(leaves, index);
                Assert.True(MerkleTree.Verify(leaves[index], index, size, path, root), $"leaf {index} of {size}");
                Assert.False(MerkleTree.Verify(leaves[(index + 1) % size], index, size, path, root) && size > 1, $"another leaf at {index} of {size}");
            }
        }
    }

    [Fact]
    public void A_chain_link_covers_the_hash_before_and_the_first_covers_the_chain_name()
    {
        var record = Encoding.UTF8.GetBytes("""{"seq":1}""");
        var first = ChainHash.Link(ChainHash.Genesis("student_class:C1/S1"), record);

        Assert.Equal(SHA256.HashData([.. SHA256.HashData(Encoding.UTF8.GetBytes("supervision-evidence-chain:student_class:C1/S1")), .. record]), first);
        Assert.NotEqual(first, ChainHash.Link(ChainHash.Genesis("student_class:C1/S2"), record));
    }
}
