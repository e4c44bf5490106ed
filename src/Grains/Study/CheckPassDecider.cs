using Supervision.Contracts.Checks;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Study;
using Supervision.Grains.Checks;

namespace Supervision.Grains.Study;

/// <summary>A passed check (1.6 or 1.8) taken on a student-class's state at the pass's own time: pure, like <see cref="ReportDecider"/>.</summary>
public static class CheckPassDecider
{
    /// <summary>The change a pass makes; null for a pass delivered again, which is taken once: no second clearing, no second evidence.</summary>
    public static StudentClassChange? Take(StudentClassState state, CheckPass pass, StudentClassDrafts drafts)
    {
        // The outbox delivers a pass again when its hand-over's mark was lost (docs/write-path.md), possibly after a
        // later pass: the video's passes remember the last ones (PassCredit), so it is taken once.
        if (state.LastPassBizCode == pass.BizCode || (state.Resources.TryGetValue(pass.ResCode, out var known) && known.Passes.Holds(pass.BizCode)))
        {
            return null;
        }

        var change = drafts.New(state, pass.PassedAt);
        var draft = change.Draft;
        var span = draft.Study;
        if (pass.Kind == CheckKind.Face && span is { AwaitingStartFace: true } && pass.PassedAt >= span.LastStartAt)
        {
            span.AwaitingStartFace = false;
        }

        // A pass clears every check due up to now, and pre-pays none of the later ones: one delivered late (a
        // client's retry after a failed delivery) clears nothing if the due check fell due after it passed.
        if (AntiIdleSchedule.Kind(draft.Policy) == pass.Kind && draft.Resources.TryGetValue(pass.ResCode, out var resource)
            && !(resource.Schedule.DueSince > pass.PassedAt))
        {
            var playing = span?.ResCode == pass.ResCode ? span.PlayingSinceLastReport(pass.PassedAt) : 0;
            resource.Schedule.Pass(resource.Reached + playing, draft.Policy, resource.DurationSeconds);
        }

        draft.LastPassBizCode = pass.BizCode;
        if (draft.Resources.TryGetValue(pass.ResCode, out var studied))
        {
            studied.Passes.Passed(pass.BizCode);
        }

        if (pass.Kind == CheckKind.Code)
        {
            FlagReview.RecordCodeAnswer(change, pass);
        }

        change.Event(new CheckPassedEvidence(pass.BizCode, pass.Kind.ToString(), pass.VideoStudyTime, pass.AnswerMillis), pass.ResCode, pass.SessionId, span?.PlatformCode,
            DeviceInfo.Unknown);
        return change;
    }
}
