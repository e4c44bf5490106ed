namespace Supervision.EvidenceChain;

/// <summary>
/// A seal's leaf: one class's chain heads of one day, as canonical JSON
/// {"class":…,"day":…,"heads":[{"chain":…,"hash":…,"seq":…},…]} with the heads in the order given (by chain name).
/// </summary>
public static class SealLeaf
{
    public static byte[] Of(string classCode, string day, IEnumerable<(string Chain, long Seq, byte[] Hash)> heads)
    {
        var writer = new CanonicalJsonWriter().StartObject()
            .Name("class").String(classCode)
            .Name("day").String(day)
            .Name("heads").StartArray();
        foreach (var (chain, seq, hash) in heads)
        {
            writer.StartObject().Name("chain").String(chain).Name("hash").String(ChainHash.Hex(hash)).Name("seq").Number(seq).EndObject();
        }

        return writer.EndArray().EndObject().ToArray();
    }
}
