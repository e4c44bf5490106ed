using System.Text.Json;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>A draft of a student-class state and the evidence it will be committed with.</summary>
public sealed class StudentClassChange(StudentClassState draft, DateTimeOffset now, string classCode, string studentUserCode)
    : StateChange<StudentClassState>(draft, now)
{
    /// <summary>A report this soon after endStudy is the player's flush of the seconds played before the pause: credited, and still paused.</summary>
    private static readonly TimeSpan FlushWindow = TimeSpan.FromSeconds(10);

    /// <summary>A report, 1.5 or 1.7 on the paused span resumes it; a report within <see cref="FlushWindow"/> of the pause is its flush and does not.</summary>
    public void ResumeIfPaused(StudySpan span, DeviceInfo device, bool flushes = false)
    {
        if (span.PausedAt is { } paused && !(flushes && Now - paused <= FlushWindow))
        {
            span.PausedAt = null;
            span.ResumedAt = Now;
            Event(EvidenceKind.SessionResume, span, Contracts.ReturnCode.Success, device);
        }
    }

    public void Event(string kind, StudySpan span, string outcome, DeviceInfo device, object? details = null) =>
        Event(kind, span.ResCode, span.Id, span.PlatformCode, device, details, outcome);

    public void Event(string kind, string? resCode, Guid? sessionId, string? platformCode, DeviceInfo device, object? details, string outcome = Contracts.ReturnCode.Success) =>
        Events.Add(new EvidenceEvent(Now, kind, classCode, studentUserCode, Draft.CardNo, resCode, sessionId, outcome, 0, null, null,
            platformCode, device, details is null ? null : JsonSerializer.Serialize(details)));

    /// <summary>
    /// Records a report on the open span as its row and applies the row to the draft. When the report changed
    /// nothing else, the row alone is committed: its device is the span's and its timestamp a plain number.
    /// </summary>
    public void Report(StudySpan span, StudyReport report, string outcome, int credited, int accepted, int pastDue, ReportFlags flags, int bankCapSeconds)
    {
        var compactTimestamp = ReportRow.TryCompactTimestamp(report.Device.ClientTimestamp, out var timestamp);
        var row = new ReportRow(Now, span.Id, 0, report.PlayTime, report.ProgressTime, outcome, credited, accepted, Draft.Bank.Balance, pastDue, flags, timestamp);
        Reports.Add(row);
        Draft.Apply(row, bankCapSeconds);
        InRowsOnly = compactTimestamp && !Events.Any();
        if (!compactTimestamp && outcome == Contracts.ReturnCode.Success)
        {
            span.LastClientTimestamp = report.Device.ClientTimestamp;
        }

        var device = DeviceFingerprint.Of(report.Device);
        if (device != span.Device)
        {
            span.Device = device;
            InRowsOnly = false;
            Event(EvidenceKind.ReportDevice, span, outcome, report.Device);
        }
    }

    /// <summary>A report on a span already closed: its row, with no change to the state.</summary>
    public void ReportOnClosed(StudySpan span, StudyReport report, string outcome)
    {
        ReportRow.TryCompactTimestamp(report.Device.ClientTimestamp, out var timestamp);
        Reports.Add(new ReportRow(Now, span.Id, 0, report.PlayTime, report.ProgressTime, outcome, 0, 0, Draft.Bank.Balance, 0, ReportFlags.None, timestamp));
        if (DeviceFingerprint.Of(report.Device) != span.Device)
        {
            Event(EvidenceKind.ReportDevice, span, outcome, report.Device);
        }
    }

    public void Anomaly(string kind, StudySpan span, object details) =>
        Anomalies.Add(new AnomalyRecord(Now, kind, classCode, studentUserCode, Draft.CardNo, span.ResCode, span.Id, JsonSerializer.Serialize(details)));
}
