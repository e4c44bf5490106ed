using System.Globalization;
using Supervision.EvidenceChain;

namespace Supervision.Grains.Study;

/// <summary>The canonical bytes of a study_reports row (docs/evidence-export.md), as the chain hashes it and the export writes it.</summary>
public static class ReportRecordBytes
{
    /// <summary>A report row names no class or learner: its session_start record, on the same chain, does.</summary>
    public static byte[] Of(ReportRow r, long? seq)
    {
        var writer = new CanonicalJsonWriter();
        Write(writer, r, seq);
        return writer.ToArray();
    }

    /// <summary>Writes the row's canonical bytes into <paramref name="writer"/>, which the chain reuses report after report.</summary>
    public static void Write(CanonicalJsonWriter writer, ReportRow r, long? seq) => writer.StartObject()
        .Name("accepted").Number(r.Accepted)
        .Name("at").Time(r.At)
        .Name("bank").Number(r.Bank)
        .Name("client_timestamp").Number(r.ClientTimestamp)
        .Name("credited").Number(r.Credited)
        .Name("flags").Number((long)r.Flags)
        .Name("outcome").Number(short.Parse(r.Outcome, CultureInfo.InvariantCulture))
        .Name("past_due").Number(r.PastDue)
        .Name("play_time").Number(r.PlayTime)
        .Name("progress_time").Number(r.ProgressTime)
        .Name("seq").Number(seq)
        .Name("session_id").Uuid(r.SessionId)
        .Name("type").String("report")
        .Name("version").Number(r.Version)
        .EndObject();
}
