using System.Text.Json;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>A draft of the state and the evidence it will be committed with.</summary>
public sealed class StudentClassChange(StudentClassState draft, DateTimeOffset now, string classCode, string studentUserCode)
{
    public StudentClassState Draft { get; } = draft;

    public DateTimeOffset Now { get; } = now;

    public List<EvidenceEvent> Events { get; } = [];

    public List<AnomalyRecord> Anomalies { get; } = [];

    public void Event(string kind, StudySession session, string outcome, DeviceInfo device, object? details = null) =>
        Events.Add(new EvidenceEvent(Now, kind, classCode, studentUserCode, session.Terms.CardNo, session.Terms.ResCode, session.Id, outcome, 0, null, null,
            session.PlatformCode, device, details is null ? null : JsonSerializer.Serialize(details)));

    public void Report(StudySession session, StudyReport report, string outcome, int credited) =>
        Events.Add(new EvidenceEvent(Now, "report", classCode, studentUserCode, session.Terms.CardNo, report.ResCode, session.Id, outcome, credited,
            report.PlayTime, report.ProgressTime, report.PlatformCode, report.Device));

    public void Anomaly(string kind, StudySession session, object details) =>
        Anomalies.Add(new AnomalyRecord(Now, kind, classCode, studentUserCode, session.Terms.CardNo, session.Terms.ResCode, session.Id, JsonSerializer.Serialize(details)));
}
