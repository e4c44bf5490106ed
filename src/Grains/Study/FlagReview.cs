using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Evidence;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Study;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>
/// Crowd and bot flags on a student-class change (docs/study-rules.md "Flags"): raised once while one is under
/// review, with the credit kept; an operator's void takes back what the learner was credited in the class from the
/// flag's start to the decision, a clear keeps it; either is recorded with the operator's name.
/// </summary>
public static class FlagReview
{
    private const int DecidedKept = 8;

    /// <summary>Keeps the pass's answer time, and raises a bot flag when the recent answers look like a script's.</summary>
    public static void RecordCodeAnswer(StudentClassChange change, CheckPass pass)
    {
        var draft = change.Draft;
        draft.KeepCodeAnswer(new CodeAnswer { BizCode = pass.BizCode, PassedAt = pass.PassedAt, Millis = pass.AnswerMillis });

        if (UnderReview(draft, AnomalyKind.CheckAnswerBot) || AnswerTiming.Judge(draft.CodeAnswers) is not { } verdict)
        {
            return;
        }

        // Fast answers flag from the first fast one; a regular rhythm from the first answer of the window.
        var since = draft.CodeAnswers.Where(a => verdict.Reason != AnswerTiming.Fast || a.Millis < AnswerTiming.FloorMillis).Min(a => a.IssuedAt);
        var flag = Raise(draft, AnomalyKind.CheckAnswerBot, since, change.Now);
        change.Flag(pass.ResCode, pass.SessionId, new CheckAnswerBot(
            flag.Id,
            since,
            verdict.Reason,
            draft.CodeAnswers.Select(a => a.Millis).ToList(),
            draft.CodeAnswers.Count(a => a.Millis < AnswerTiming.FloorMillis),
            AnswerTiming.FloorMillis,
            double.IsNaN(verdict.Variation) ? null : Math.Round(verdict.Variation, 3),
            draft.CodeAnswers.Select(a => a.BizCode).ToList()));
    }

    /// <summary>
    /// Raises the crowd analysis's flag unless one is under review. Lockstep that an operator already decided on counts
    /// only from the decision on: it flags again once it has gone on for <see cref="CrowdFlag.MinimumSpan"/> after it.
    /// </summary>
    public static void RaiseCrowdFlag(StudentClassChange change, CrowdFlag found)
    {
        var draft = change.Draft;
        if (UnderReview(draft, AnomalyKind.CrowdLockstep))
        {
            return;
        }

        var decided = draft.Flags.Where(f => f.Kind == AnomalyKind.CrowdLockstep).Max(f => f.DecidedAt);
        var since = decided is { } at && at > found.Since ? at : found.Since;
        if (found.Until - since < CrowdFlag.MinimumSpan)
        {
            return;
        }

        var flag = Raise(draft, AnomalyKind.CrowdLockstep, since, change.Now);
        change.Flag(draft.Study?.ResCode, draft.Study?.Id,
            new CrowdLockstep(flag.Id, since, found.Until, found.Coincidences, found.AnswerCoincidences, found.Companions, found.DeviceIds));
    }

    /// <summary>
    /// Voids or clears the flag. A void takes back, per video, what the ledger shows credited from the flag's start
    /// until now (<paramref name="creditedSince"/>), at most what the video still holds.
    /// </summary>
    public static Outcome<FlagOutcome> Decide(StudentClassChange change, FlagDecision decision, IReadOnlyDictionary<string, int> creditedSince)
    {
        var flag = change.Draft.Flags.FirstOrDefault(f => f.Id == decision.FlagId);
        if (flag is null)
        {
            return Outcome.Fail(ReturnCode.InvalidField, "id: this learner has no such crowd or bot flag (or it is too old to decide)");
        }

        if (!flag.UnderReview)
        {
            return Outcome.Fail(ReturnCode.Conflict, $"id: the flag was already decided ({flag.Decision}) at {flag.DecidedAt:u}");
        }

        flag.Decision = decision.Void ? FlagDecision.VoidName : FlagDecision.ClearName;
        flag.DecidedAt = change.Now;
        var voided = 0;
        foreach (var (resCode, credited) in decision.Void ? creditedSince : new Dictionary<string, int>())
        {
            voided += change.VoidCredit(resCode, credited, seconds => CreditVoidedEvidence.OfFlag(flag.Id, flag.Kind, flag.Since, seconds, decision.By.Operator));
        }

        if (flag.Kind == AnomalyKind.CheckAnswerBot)
        {
            // The answers judged are decided: the next flag is about answers after this decision.
            change.Draft.ForgetCodeAnswers();
        }

        change.Event(new FlagDecisionEvidence(flag.Id, flag.Kind, flag.Decision, flag.Since, voided, decision.By.Operator, decision.By.Address), null, null, null, DeviceInfo.Unknown);
        return Outcome<FlagOutcome>.Ok(new FlagOutcome(flag.Decision, voided, change.Now));
    }

    private static bool UnderReview(StudentClassState state, string kind) => state.Flags.Any(f => f.Kind == kind && f.UnderReview);

    private static ReviewFlag Raise(StudentClassState state, string kind, DateTimeOffset since, DateTimeOffset now)
    {
        var flag = new ReviewFlag { Id = Guid.CreateVersion7(now), Kind = kind, Since = since, RaisedAt = now };
        state.KeepFlag(flag, DecidedKept);
        return flag;
    }
}
