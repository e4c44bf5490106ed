using System.Globalization;
using Supervision.EvidenceChain;

namespace Supervision.Grains.Evidence;

/// <summary>
/// The canonical bytes of each kind of evidence record (docs/evidence-export.md): one canonical JSON object of the
/// row's columns and its chain position, keys in byte order. The chain hashes these bytes; the export writes them as
/// the record, so a verifier recomputes the hash from the bundle alone.
/// </summary>
public static class EvidenceRecordBytes
{
    public static byte[] Event(EvidenceEvent e, long? seq) => new CanonicalJsonWriter().StartObject()
        .Name("at").Time(e.At)
        .Name("card_no").String(e.CardNo)
        .Name("class_code").String(e.ClassCode)
        .Name("client_timestamp").String(e.Device.ClientTimestamp)
        .Name("credited").Number(e.Credited)
        .Name("details").CanonicalValue(Details(e.DetailsJson))
        .Name("device_id").String(e.Device.DeviceId)
        .Name("device_type").String(e.Device.DeviceType)
        .Name("kind").String(e.Kind)
        .Name("outcome").String(e.Outcome)
        .Name("platform_code").String(e.PlatformCode)
        .Name("play_time").Number(e.PlayTime)
        .Name("progress_time").Number(e.ProgressTime)
        .Name("res_code").String(e.ResCode)
        .Name("seq").Number(seq)
        .Name("session_id").Uuid(e.SessionId)
        .Name("student_user_code").String(e.StudentUserCode)
        .Name("type").String("event")
        .EndObject().ToArray();

    public static byte[] Anomaly(AnomalyRecord a, long? seq) => new CanonicalJsonWriter().StartObject()
        .Name("at").Time(a.At)
        .Name("card_no").String(a.CardNo)
        .Name("class_code").String(a.ClassCode)
        .Name("details").CanonicalValue(Details(a.DetailsJson))
        .Name("kind").String(a.Kind)
        .Name("res_code").String(a.ResCode)
        .Name("seq").Number(seq)
        .Name("session_id").Uuid(a.SessionId)
        .Name("student_user_code").String(a.StudentUserCode)
        .Name("type").String("anomaly")
        .EndObject().ToArray();

    private static byte[] Details(string? json) => json is null ? [] : CanonicalJson.Canonicalize(json);
}
