using Supervision.EvidenceChain;

namespace Supervision.Grains.Evidence;

/// <summary>
/// Links a write's records onto its grain's chain, in one order a verifier can rely on: its events, then its
/// anomalies, then its reports, each list in the order the grain raised them. Times are truncated to the microsecond
/// first, so that the rows written and the bytes hashed hold the same time.
/// </summary>
public static class EvidenceChainer
{
    public static (LedgerWrite Write, ChainHead Head) Link(string chain, ChainHead head, LedgerWrite write)
    {
        var previous = head.Hash ?? ChainHash.Genesis(chain);
        var seq = head.Seq;
        var events = write.Events.Select(e => e with { At = EvidenceTime.Truncate(e.At) }).ToList();
        var anomalies = write.Anomalies.Select(a => a with { At = EvidenceTime.Truncate(a.At) }).ToList();
        var reports = write.Reports.Select(r => r with { At = EvidenceTime.Truncate(r.At) }).ToList();
        var eventLinks = events.ConvertAll(e => Next(EvidenceRecordBytes.Event(e, ++seq)));
        var anomalyLinks = anomalies.ConvertAll(a => Next(EvidenceRecordBytes.Anomaly(a, ++seq)));
        var reportLinks = reports.ConvertAll(r => Next(EvidenceRecordBytes.Report(r, ++seq)));
        var after = new ChainHead(seq, seq == head.Seq ? head.Hash : previous);
        var linked = write with { Events = events, Anomalies = anomalies, Reports = reports, Chain = after, Links = new ChainLinks(chain, eventLinks, anomalyLinks, reportLinks) };
        return (linked, after);

        ChainHead Next(byte[] canonical)
        {
            previous = ChainHash.Link(previous, canonical);
            return new ChainHead(seq, previous);
        }
    }
}
