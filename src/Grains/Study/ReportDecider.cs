using Supervision.Contracts;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>
/// The 1.10 report decided: (the student-class's state, the report, the server's time, the person's real-name
/// result when the state needs it) → the draft with the report's row, its evidence and anomalies, and the answer.
/// Pure: no grain, no I/O, no clock of its own, and the state it is given is left as it was. The grain loads what
/// the decision needs, calls it and commits what it decided.
/// </summary>
public static class ReportDecider
{
    /// <summary>Whether a report needs the person's real-name result (rule 5): the grain asks the person before deciding.</summary>
    public static bool AsksRealName(StudentClassState state) => state.Policy.RealNameAuthentication && !state.RealNameVerified;

    public static ReportDecision Decide(StudentClassState state, StudyReport report, DateTimeOffset now, StudentClassDrafts drafts, bool? realNameVerified = null)
    {
        if (state.Study is not { } open || open.ResCode != report.ResCode)
        {
            return ReportDecision.NoOpenSpan;
        }

        if (open.PlatformCode != report.PlatformCode)
        {
            return new(Outcome.Fail(ReturnCode.ForeignPlatform, "studyPlatformCode: this session was started by another learning platform"), null);
        }

        if (open.CourseCode != report.CourseCode)
        {
            return new(Outcome.Fail(ReturnCode.CourseNotFound, $"courseCode: the session on {report.ResCode} belongs to course {open.CourseCode}"), null);
        }

        if (open.LastReceipt is { } previous && open.LastPlayTime == report.PlayTime && open.LastProgressTime == report.ProgressTime
            && open.LastClientTimestamp == report.Device.ClientTimestamp)
        {
            // A client retry of the last report: answered as before, credited once.
            return new(Outcome<StudyReceipt>.Ok(previous), null);
        }

        var change = drafts.ForReport(state, now);
        var draft = change.Draft;
        var span = draft.Study!;
        change.ResumeIfPaused(span, report.Device, flushes: true);
        draft.RollDay(change.Now);
        draft.Bank.Accrue(change.Now, drafts.BankCapSeconds);
        var resource = draft.Resources[span.ResCode];
        if (AsksRealName(draft) && realNameVerified is { } verified)
        {
            draft.RealNameVerified = verified;
        }

        Outcome<StudyReceipt> answer;
        if (StudyGates.Check(draft, span, resource, report.ProgressTime, change.Now) is { } refusal)
        {
            change.Refuse(span, report, refusal, drafts.BankCapSeconds);
            answer = Outcome<StudyReceipt>.Fail(refusal.Code, refusal.Message);
        }
        else
        {
            answer = Outcome<StudyReceipt>.Ok(ReportCredit.Apply(change, span, resource, report, drafts.BankCapSeconds));
        }

        change.InRowsOnly = RowsRestore(state, change);
        return new(answer, change);
    }

    /// <summary>
    /// A report on a video whose span a start closed, once the class admitted it: answered 1305 with its row kept, and
    /// an anomaly unless another learning platform's start closed it. Null when no span of that video is closed.
    /// </summary>
    public static ReportDecision? OnClosedSpan(StudentClassState state, StudyReport report, DateTimeOffset now, StudentClassDrafts drafts)
    {
        if (state.Closed.FirstOrDefault(s => s.ResCode == report.ResCode) is not { } closed)
        {
            return null;
        }

        var change = drafts.New(state, now);
        var span = change.Draft.Closed.First(s => s.Id == closed.Id);
        if (span.EndReason != SpanEndReason.OtherPlatform)
        {
            change.Anomaly(span, new ClosedSessionReport(span.EndedAt, span.EndReason, report.ProgressTime, report.PlayTime));
        }

        change.ReportOnClosed(span, report, ReturnCode.SessionSuperseded);
        var answer = Outcome<StudyReceipt>.Fail(ReturnCode.SessionSuperseded, $"resCode: this session was closed ({span.EndReason}); call startStudy again");
        return new ReportDecision(answer, change);
    }

    /// <summary>
    /// Whether replaying the change's one report row onto the state gives its draft, with no evidence but the row and
    /// anomalies: then the row alone keeps the change, without a snapshot. <see cref="StudentClassState.Apply"/> writes
    /// the rest, so the draft is compared with the state on what a row cannot carry: a resume, the real-name result, the
    /// span's device, and a client timestamp that is not a plain number.
    /// </summary>
    private static bool RowsRestore(StudentClassState state, StudentClassChange change)
    {
        if (change.Events.Count > 0 || change.Reports is not [var row] || state.Study is not { } before || change.Draft.Study is not { } after
            || before.Id != row.SessionId)
        {
            return false;
        }

        // A row restores a credited report's timestamp as its number written out (read back here rather than written
        // out again, so that the hot path allocates nothing more), and leaves a refused one's as it was.
        var timestampRestored = row.Succeeded
            ? ReportRow.TryCompactTimestamp(after.LastClientTimestamp, out var timestamp) && timestamp == row.ClientTimestamp
            : after.LastClientTimestamp == before.LastClientTimestamp;
        return timestampRestored && change.Draft.RealNameVerified == state.RealNameVerified && after.PausedAt == before.PausedAt
            && after.ResumedAt == before.ResumedAt && after.Device == before.Device;
    }
}
