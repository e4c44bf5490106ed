using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Study;

namespace Supervision.Grains.Study;

/// <summary>
/// startStudy and endStudy decided on a student-class's state: pure, like <see cref="ReportDecider"/>. What the class
/// admits (its terms) and what the person holds are asked by the grain before; the person is told of the new live
/// study by the grain after.
/// </summary>
public static class SessionDecider
{
    private static readonly TimeSpan EndAfterJumpWindow = TimeSpan.FromMinutes(2);

    /// <summary>Whether the start needs the person's real-name result (rule 5): the grain asks the person before deciding.</summary>
    public static bool AsksRealName(StudentClassState state, StudyTerms terms) =>
        terms.Policy.RealNameAuthentication && (!state.RealNameVerified || StartsOver(state, terms.CardNo));

    /// <summary>A start the class admitted under <paramref name="terms"/>: the span continued or opened, and its evidence.</summary>
    public static StudentClassChange Start(StudentClassState state, StudyStart start, StudyTerms terms, DateTimeOffset now, StudentClassDrafts drafts, bool? realNameVerified = null)
    {
        var change = StartsOver(state, terms.CardNo)
            ? StudentClassChange.StartOver(state, terms.CardNo, now, drafts.ClassCode, drafts.StudentUserCode)
            : drafts.New(state, now);
        var draft = change.Draft;
        draft.Policy = SharedValues.Policies.Of(terms.Policy);
        draft.CardNo = terms.CardNo;
        draft.BusinessPlatformCode = SharedValues.Code(terms.BusinessPlatformCode);
        var span = draft.Study;
        var continued = span is not null && span.ResCode == start.ResCode && span.PlatformCode == start.PlatformCode;
        if (!continued)
        {
            if (span is not null)
            {
                change.Close(span, SpanEndReason.Superseded, start.Device);
            }

            // Time-ordered ids keep each new span's report rows at the right edge of study_reports_by_session, so the
            // index's pages after a checkpoint are a few new ones, not most of the index logged again in full.
            span = new StudySpan { Id = Guid.CreateVersion7(change.Now), PlatformCode = start.PlatformCode, ResCode = start.ResCode, CourseCode = terms.CourseCode, StartedAt = change.Now };
            span.ShareCodes();
            draft.Study = span;
        }

        span!.PausedAt = null;
        span.LastStartAt = change.Now;
        span.Device = DeviceFingerprint.Of(start.Device);
        span.LastPlayTime = null;
        span.AwaitingStartFace = terms.Policy.VideoStartFace;
        draft.ResourceFor(terms, start.SectionCode);
        draft.Bank.Reopen(change.Now);
        if (terms.Policy.RealNameAuthentication && !draft.RealNameVerified && realNameVerified is { } verified)
        {
            draft.RealNameVerified = verified;
        }

        change.RecordRapidRestarts(span);
        change.Event(SessionStartEvidence.Started(continued), span, ReturnCode.Success, start.Device);
        return change;
    }

    /// <summary>endStudy on the open span of its video pauses it; on a span already paused it changes nothing (null).</summary>
    public static StudentClassChange? Pause(StudentClassState state, StudyEnd end, DateTimeOffset now, StudentClassDrafts drafts)
    {
        if (state.Study is not { Paused: false })
        {
            return null;
        }

        var change = drafts.New(state, now);
        var span = change.Draft.Study!;
        if (span.LastReportJumped && change.Now - span.LastReportAt < EndAfterJumpWindow)
        {
            change.Anomaly(span, new EndAfterJump(span.LastPlayTime, span.LastReportAt));
        }

        span.PausedAt = change.Now;
        change.Event(new SessionPauseEvidence(span.Credited, span.Reports), span, ReturnCode.Success, end.Device);
        return change;
    }

    /// <summary>
    /// The roster now ties this student code to another person (approved again by the operator): their study
    /// starts from nothing (<see cref="StudentClassChange.StartOver"/>).
    /// </summary>
    private static bool StartsOver(StudentClassState state, string cardNo) =>
        state.CardNo.Length > 0 && !string.Equals(state.CardNo, cardNo, StringComparison.OrdinalIgnoreCase);
}
