using Supervision.EvidenceChain;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Links a write's records onto its grain's chain, in one order a verifier can rely on: its events, then its
/// anomalies, then its side's chained rows (<see cref="IChainedRow"/>), each list in the order the grain raised them.
/// Times are truncated to the microsecond first, so that the rows written and the bytes hashed hold the same time.
/// </summary>
public static class EvidenceChainer
{
    public static LedgerWrite Link(string chain, ChainHead head, LedgerWrite write)
    {
        var previous = head.Hash ?? ChainHash.Genesis(chain);
        var seq = head.Seq;
        // Most writes are one report: their empty lists are kept as they are, not copied, on the hot path.
        IReadOnlyList<EvidenceEvent> events = write.Events.Count == 0 ? [] : write.Events.Select(e => e with { At = EvidenceTime.Truncate(e.At) }).ToList();
        IReadOnlyList<AnomalyRecord> anomalies = write.Anomalies.Count == 0 ? [] : write.Anomalies.Select(a => a with { At = EvidenceTime.Truncate(a.At) }).ToList();
        IReadOnlyList<ChainHead> eventLinks = events.Count == 0 ? [] : events.Select(e => Next(EvidenceRecordBytes.Event(e, ++seq))).ToList();
        IReadOnlyList<ChainHead> anomalyLinks = anomalies.Count == 0 ? [] : anomalies.Select(a => Next(EvidenceRecordBytes.Anomaly(a, ++seq))).ToList();
        var rows = write.Rows.Select(table => table with { Rows = table.Rows.Select(LinkRow).ToList() }).ToList();
        var after = new ChainHead(seq, seq == head.Seq ? head.Hash : previous);
        return write with { Events = events, Anomalies = anomalies, Rows = rows, Chain = after, Links = new ChainLinks(chain, eventLinks, anomalyLinks) };

        object LinkRow(object row)
        {
            if (row is not IChainedRow chained)
            {
                return row;
            }

            var truncated = chained.Truncated();
            return truncated.WithLink(Next(truncated.CanonicalBytes(++seq)));
        }

        ChainHead Next(byte[] canonical)
        {
            previous = ChainHash.Link(previous, canonical);
            return new ChainHead(seq, previous);
        }
    }
}
