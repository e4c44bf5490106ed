using System.Text.Json;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>A draft of a student-class state and the evidence it will be committed with.</summary>
public sealed class StudentClassChange(StudentClassState draft, DateTimeOffset now, string classCode, string studentUserCode)
    : StateChange<StudentClassState>(draft, now)
{
    public void Event(string kind, StudySpan span, string outcome, DeviceInfo device, object? details = null) =>
        Event(kind, span.ResCode, span.Id, span.PlatformCode, device, details, outcome);

    public void Event(string kind, string? resCode, Guid? sessionId, string? platformCode, DeviceInfo device, object? details, string outcome = Contracts.ReturnCode.Success) =>
        Events.Add(new EvidenceEvent(Now, kind, classCode, studentUserCode, Draft.CardNo, resCode, sessionId, outcome, 0, null, null,
            platformCode, device, details is null ? null : JsonSerializer.Serialize(details)));

    public void Report(StudySpan span, StudyReport report, string outcome, int credited) =>
        Events.Add(new EvidenceEvent(Now, EvidenceKind.Report, classCode, studentUserCode, Draft.CardNo, report.ResCode, span.Id, outcome, credited,
            report.PlayTime, report.ProgressTime, report.PlatformCode, report.Device));

    public void Anomaly(string kind, StudySpan span, object details) =>
        Anomalies.Add(new AnomalyRecord(Now, kind, classCode, studentUserCode, Draft.CardNo, span.ResCode, span.Id, JsonSerializer.Serialize(details)));
}
