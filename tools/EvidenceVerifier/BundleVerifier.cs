using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Supervision.EvidenceChain;

namespace Supervision.EvidenceVerifier;

/// <summary>
/// Verifies an evidence bundle with nothing but the bundle (docs/evidence-export.md): each chain's links from its
/// first record, the class's proofs up to the seals' roots, the seals' signatures and their chain, and each sealed
/// head against the chain recomputed from the records. The first problem names the first record changed, removed
/// or inserted.
/// </summary>
public static class BundleVerifier
{
    public const string Format = "supervision-evidence-bundle";

    public static Verification Verify(IEnumerable<string> text, string? expectedKey = null)
    {
        try
        {
            return VerifyLines(text, expectedKey);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or CryptographicException)
        {
            var result = new Verification();
            result.Fail($"the bundle is malformed ({e.Message}): a line was changed");
            return result;
        }
    }

    private static Verification VerifyLines(IEnumerable<string> text, string? expectedKey)
    {
        var result = new Verification();
        var lines = Parse(text, result);
        if (!result.Passed)
        {
            return result;
        }

        if (lines.Count == 0 || lines[0].Type != "bundle" || lines[0].Text("format") != Format || lines[0].Integer("version") != 1)
        {
            result.Fail("line 1: not a supervision evidence bundle of version 1");
            return result;
        }

        var classCode = lines[0].Text("class") ?? "";
        var chains = Chains(lines, classCode, result);
        var computed = chains.ToDictionary(c => c.Key, c => WalkChain(c.Key, c.Value, result), StringComparer.Ordinal);
        var seals = Seals(lines, expectedKey, result);
        var sealedUpTo = CheckProofs(lines, classCode, seals, computed, result);
        CheckEnd(lines, result);
        Summarise(lines, classCode, chains, sealedUpTo, seals, result);
        return result;
    }

    private static List<BundleLine> Parse(IEnumerable<string> text, Verification result)
    {
        var lines = new List<BundleLine>();
        var number = 0;
        foreach (var line in text)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                lines.Add(new BundleLine(number, document.RootElement.Clone()));
            }
            catch (JsonException)
            {
                result.Fail($"line {number}: damaged (not JSON), so the record or seal on it was changed");
            }
        }

        return lines;
    }

    /// <summary>Each chain's entries in the order of the file, which is the chain's order.</summary>
    private static Dictionary<string, List<ChainEntry>> Chains(List<BundleLine> lines, string classCode, Verification result)
    {
        var chains = new Dictionary<string, List<ChainEntry>>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Type is "record" or "elided"))
        {
            var chain = line.Text("chain");
            var seq = line.Integer("seq");
            var hash = Hex(line.Text("hash"));
            if (chain is null || seq is null || hash is null)
            {
                result.Fail($"line {line.Number}: a chain entry without its chain, seq or hash: changed");
                continue;
            }

            var record = line.Type == "record" ? line.Member("record") : null;
            if (record is { } r && r.TryGetProperty("class_code", out var owner) && owner.ValueKind == JsonValueKind.String && owner.GetString() != classCode)
            {
                result.Fail($"{Name(chain, seq.Value, line.Number)}: a record of class {owner.GetString()} in the bundle of class {classCode}: inserted");
            }

            if (!chains.TryGetValue(chain, out var entries))
            {
                chains[chain] = entries = [];
            }

            entries.Add(new ChainEntry(line.Number, seq.Value, hash, record));
        }

        return chains;
    }

    /// <summary>
    /// Recomputes one chain from its genesis, answering the hash at each position. A record whose bytes and the hash
    /// before it do not give its hash was changed; a position missing was removed; a second record at one position,
    /// or one that does not belong where it stands, was inserted.
    /// </summary>
    private static Dictionary<long, byte[]> WalkChain(string chain, List<ChainEntry> entries, Verification result)
    {
        var hashes = new Dictionary<long, byte[]>();
        var previous = ChainHash.Genesis(chain);
        var expected = 1L;
        var i = 0;
        while (i < entries.Count)
        {
            var entry = entries[i];
            if (entry.Seq < expected)
            {
                result.Fail($"{Name(chain, entry.Seq, entry.Line)}: a second record at #{entry.Seq}, after #{expected - 1}: inserted");
                i++;
                continue;
            }

            if (entry.Seq > expected)
            {
                var later = entries.Skip(i + 1).FirstOrDefault(e => e.Seq == expected);
                result.Fail(later is null
                    ? $"chain {chain}: record #{expected} was removed (the chain goes from #{expected - 1} to #{entry.Seq}, line {entry.Line})"
                    : $"{Name(chain, expected, later.Line)}: out of its place (it stands after #{entry.Seq}): the records were reordered");
                return hashes;
            }

            // Every entry at this position: one belongs, any other was inserted.
            var run = entries.Skip(i).TakeWhile(e => e.Seq == expected).ToList();
            var linking = run.Where(e => Links(previous, e)).ToList();
            var kept = linking.FirstOrDefault() ?? run[0];
            if (linking.Count == 0)
            {
                result.Fail($"{Name(chain, expected, run[0].Line)}: changed (its bytes and the hash before it do not give its hash)");
            }

            foreach (var extra in run.Where(e => e != kept))
            {
                result.Fail($"{Name(chain, expected, extra.Line)}: a second record at #{expected}: inserted");
            }

            previous = kept.Hash;
            hashes[expected] = previous;
            expected++;
            i += run.Count;
        }

        return hashes;
    }

    private static bool Links(byte[] previous, ChainEntry entry)
    {
        if (entry.Record is not { } record)
        {
            // An elided record cannot be recomputed: the next record's link, or the seal, checks its hash.
            return true;
        }

        if (!record.TryGetProperty("seq", out var seq) || seq.ValueKind != JsonValueKind.Number || seq.GetInt64() != entry.Seq)
        {
            return false;
        }

        var writer = new CanonicalJsonWriter();
        CanonicalJson.Write(writer, record);
        return ChainHash.Link(previous, writer.Written).AsSpan().SequenceEqual(entry.Hash);
    }

    /// <summary>The seals by day, each checked: its hash, its signature by the key it names, and its link to the seal before.</summary>
    private static SortedDictionary<string, Seal> Seals(List<BundleLine> lines, string? expectedKey, Verification result)
    {
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Type == "key"))
        {
            var publicKey = Base64(line.Text("public_key"));
            var fingerprint = line.Text("fingerprint");
            if (publicKey is null || fingerprint != SealFingerprint.Of(publicKey))
            {
                result.Fail($"line {line.Number}: a key whose fingerprint is not SHA-256 of its public key");
                continue;
            }

            var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            keys[fingerprint] = key;
        }

        var seals = new SortedDictionary<string, Seal>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Type == "seal"))
        {
            if (line.Member("body") is not { ValueKind: JsonValueKind.Object } body || body.GetProperty("day").GetString() is not { } day)
            {
                result.Fail($"line {line.Number}: a seal without its body");
                continue;
            }

            var writer = new CanonicalJsonWriter();
            CanonicalJson.Write(writer, body);
            var bytes = writer.ToArray();
            var hash = SHA256.HashData(bytes);
            var keyName = body.GetProperty("key").GetString() ?? "";
            result.Keys.Add(keyName);
            if (Hex(line.Text("hash")) is not { } stated || !stated.AsSpan().SequenceEqual(hash))
            {
                result.Fail($"seal of {day} (line {line.Number}): changed (its body does not give its hash)");
            }
            else if (!keys.TryGetValue(keyName, out var key) || Base64(line.Text("signature")) is not { } signature
                     || !key.VerifyData(bytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                result.Fail($"seal of {day} (line {line.Number}): its signature is not the key {keyName}'s");
            }
            else if (expectedKey is not null && !string.Equals(keyName, expectedKey, StringComparison.OrdinalIgnoreCase))
            {
                result.Fail($"seal of {day} (line {line.Number}): signed by key {keyName}, not the expected {expectedKey}");
            }

            seals[day] = new Seal(day, hash, Hex(body.GetProperty("root").GetString()) ?? [], body.TryGetProperty("previous", out var p) ? Hex(p.GetString()) : null,
                body.GetProperty("groups").GetInt64(), line.Number);
        }

        Seal? before = null;
        foreach (var seal in seals.Values)
        {
            if (before is not null && DateOnly.Parse(before.Day).AddDays(1) != DateOnly.Parse(seal.Day))
            {
                result.Fail($"seals: the seals between {before.Day} and {seal.Day} are missing from the bundle");
            }
            else if (before is not null && (seal.Previous is null || !seal.Previous.AsSpan().SequenceEqual(before.Hash)))
            {
                result.Fail($"seal of {seal.Day} (line {seal.Line}): does not follow the seal of {before.Day}");
            }

            before = seal;
        }

        return seals;
    }

    /// <summary>Checks each proof up to its seal's root and each sealed head against the recomputed chain; answers how far each chain is sealed.</summary>
    private static Dictionary<string, long> CheckProofs(List<BundleLine> lines, string classCode, SortedDictionary<string, Seal> seals,
        Dictionary<string, Dictionary<long, byte[]>> computed, Verification result)
    {
        var sealedUpTo = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Type == "proof"))
        {
            var day = line.Text("day") ?? "";
            if (line.Member("leaf") is not { ValueKind: JsonValueKind.Object } leaf || !seals.TryGetValue(day, out var seal))
            {
                result.Fail($"proof of {day} (line {line.Number}): without its leaf, or without the seal of its day");
                continue;
            }

            var writer = new CanonicalJsonWriter();
            CanonicalJson.Write(writer, leaf);
            var path = line.Member("path") is { ValueKind: JsonValueKind.Array } p ? p.EnumerateArray().Select(h => Hex(h.GetString()) ?? []).ToList() : [];
            if (leaf.GetProperty("class").GetString() != classCode || leaf.GetProperty("day").GetString() != day || line.Integer("size") != seal.Groups
                || !MerkleTree.Verify(MerkleTree.LeafHash(writer.Written), line.Integer("index") ?? -1, line.Integer("size") ?? 0, path, seal.Root))
            {
                result.Fail($"proof of {day} (line {line.Number}): does not lead to the root of the seal of {day}: changed");
                continue;
            }

            foreach (var head in leaf.GetProperty("heads").EnumerateArray())
            {
                var chain = head.GetProperty("chain").GetString() ?? "";
                var seq = head.GetProperty("seq").GetInt64();
                var hash = Hex(head.GetProperty("hash").GetString()) ?? [];
                if (!computed.TryGetValue(chain, out var hashes))
                {
                    result.Fail($"chain {chain}: sealed on {day} up to #{seq} but missing from the bundle: its records were removed");
                }
                else if (!hashes.TryGetValue(seq, out var recomputed))
                {
                    result.Fail($"chain {chain}: sealed on {day} up to #{seq}, but the bundle's chain ends at #{hashes.Keys.DefaultIfEmpty().Max()}: record #{hashes.Keys.DefaultIfEmpty().Max() + 1} and after were removed");
                }
                else if (!recomputed.AsSpan().SequenceEqual(hash))
                {
                    result.Fail($"chain {chain} record #{seq}: differs from the seal of {day}: the chain was rewritten up to it");
                }
                else
                {
                    sealedUpTo[chain] = Math.Max(sealedUpTo.GetValueOrDefault(chain), seq);
                }
            }
        }

        return sealedUpTo;
    }

    private static void CheckEnd(List<BundleLine> lines, Verification result)
    {
        var end = lines[^1];
        if (end.Type != "end")
        {
            result.Fail("the bundle is cut short: its last line is not the end line");
            return;
        }

        var counted = new Dictionary<string, long>
        {
            ["records"] = lines.Count(l => l.Type == "record"),
            ["elided"] = lines.Count(l => l.Type == "elided"),
            ["unchained"] = lines.Count(l => l.Type == "unchained"),
            ["seals"] = lines.Count(l => l.Type == "seal"),
        };
        foreach (var (name, count) in counted.Where(c => end.Integer(c.Key) != c.Value))
        {
            result.Fail($"the end line counts {end.Integer(name)} {name}, the bundle holds {count}: lines were removed or inserted");
        }
    }

    private static void Summarise(List<BundleLine> lines, string classCode, Dictionary<string, List<ChainEntry>> chains, Dictionary<string, long> sealedUpTo,
        SortedDictionary<string, Seal> seals, Verification result)
    {
        var records = chains.SelectMany(c => c.Value.Where(e => !e.Elided).Select(e => (Chain: c.Key, e.Seq))).ToList();
        var sealedRecords = records.Count(r => r.Seq <= sealedUpTo.GetValueOrDefault(r.Chain));
        result.Notes.Add($"class {classCode}: {records.Count} records on {chains.Count} chains, {chains.Sum(c => c.Value.Count(e => e.Elided))} elided");
        result.Notes.Add(seals.Count == 0
            ? "no seal: nothing in this bundle is sealed yet"
            : $"{sealedRecords} records sealed by the seals of {seals.Keys.First()} to {seals.Keys.Last()}");
        if (records.Count > sealedRecords)
        {
            result.Notes.Add($"{records.Count - sealedRecords} records written after their chain's last seal: linked, but not yet sealed (their chain's end could be cut off unseen)");
        }

        if (lines.Count(l => l.Type == "unchained") is var unchained and > 0)
        {
            result.Notes.Add($"{unchained} records written before the chain existed: unchained, proven by nothing");
        }
    }

    private static string Name(string chain, long seq, int line) => $"chain {chain} record #{seq} (line {line})";

    private static byte[]? Hex(string? text)
    {
        try
        {
            return text is null ? null : Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[]? Base64(string? text)
    {
        try
        {
            return text is null ? null : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record Seal(string Day, byte[] Hash, byte[] Root, byte[]? Previous, long Groups, int Line);
}
