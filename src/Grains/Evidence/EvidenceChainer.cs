using Supervision.EvidenceChain;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Links a write's records onto its grain's chain, in one order a verifier can rely on: its events, then its
/// anomalies, then its side's chained rows (<see cref="IChainedRow"/>), each list in the order the grain raised them.
/// Times are truncated to the microsecond first, so that the rows written and the bytes hashed hold the same time.
/// </summary>
/// <remarks>
/// It runs for every report: plain loops into arrays of the right size, and a row's canonical bytes written into a
/// writer each thread reuses and hashed from it, so a report's link costs its hash and its linked row, no more.
/// </remarks>
public static class EvidenceChainer
{
    [ThreadStatic]
    private static CanonicalJsonWriter? scratch;

    public static LedgerWrite Link(string chain, ChainHead head, LedgerWrite write)
    {
        var previous = head.Hash ?? ChainHash.Genesis(chain);
        var seq = head.Seq;
        var events = write.Events;
        var eventLinks = Array.Empty<ChainHead>();
        if (events.Count > 0)
        {
            var truncated = new EvidenceEvent[events.Count];
            eventLinks = new ChainHead[events.Count];
            for (var i = 0; i < truncated.Length; i++)
            {
                truncated[i] = events[i] with { At = EvidenceTime.Truncate(events[i].At) };
                eventLinks[i] = Next(EvidenceRecordBytes.Event(truncated[i], ++seq));
            }

            events = truncated;
        }

        var anomalies = write.Anomalies;
        var anomalyLinks = Array.Empty<ChainHead>();
        if (anomalies.Count > 0)
        {
            var truncated = new AnomalyRecord[anomalies.Count];
            anomalyLinks = new ChainHead[anomalies.Count];
            for (var i = 0; i < truncated.Length; i++)
            {
                truncated[i] = anomalies[i] with { At = EvidenceTime.Truncate(anomalies[i].At) };
                anomalyLinks[i] = Next(EvidenceRecordBytes.Anomaly(truncated[i], ++seq));
            }

            anomalies = truncated;
        }

        var rows = new LedgerRows[write.Rows.Count];
        for (var t = 0; t < rows.Length; t++)
        {
            var table = write.Rows[t];
            var linked = new object[table.Rows.Count];
            for (var i = 0; i < linked.Length; i++)
            {
                linked[i] = table.Rows[i] is IChainedRow row ? LinkRow(row) : table.Rows[i];
            }

            rows[t] = table with { Rows = linked };
        }

        var after = new ChainHead(seq, seq == head.Seq ? head.Hash : previous);
        return write with { Events = events, Anomalies = anomalies, Rows = rows, Chain = after, Links = new ChainLinks(chain, eventLinks, anomalyLinks) };

        IChainedRow LinkRow(IChainedRow row)
        {
            var writer = (scratch ??= new CanonicalJsonWriter()).Reset();
            row.WriteCanonical(writer, ++seq);
            previous = ChainHash.Link(previous, writer.Written);
            return row.Linked(new ChainHead(seq, previous));
        }

        ChainHead Next(byte[] canonical)
        {
            previous = ChainHash.Link(previous, canonical);
            return new ChainHead(seq, previous);
        }
    }
}
