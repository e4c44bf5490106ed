using Supervision.Contracts;
using Supervision.Contracts.Checks;
using Supervision.Contracts.Evidence.Details;
using Supervision.Contracts.Study;
using Supervision.Grains.Checks;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Study;

/// <summary>What a report that passed the gates earns (<see cref="CreditRule"/>), applied to the draft with its anomalies.</summary>
public static class ReportCredit
{
    /// <summary>Applies the decision to the draft: the bank spent, the video's progress and credit, the schedule, the span, today's total and the report's evidence.</summary>
    public static StudyReceipt Apply(StudentClassChange change, StudySpan span, ResourceStudy resource, StudyReport report, int bankCapSeconds)
    {
        var draft = change.Draft;
        var policy = draft.Policy;
        var schedule = resource.Schedule;
        var validity = AntiIdleSchedule.Validity(policy);
        var limit = StudyGates.DailyLimitSeconds(policy);
        var checks = !resource.Complete;
        var decision = CreditRule.Decide(new CreditInput(
            report.ProgressTime, report.PlayTime, span.LastPlayTime, draft.Bank.Available, resource.Played, resource.Reached, resource.Credited,
            resource.DurationSeconds, limit > 0 ? limit - draft.TodayCredited : null, checks ? schedule.NextPoint(policy, resource.DurationSeconds) : null,
            checks && schedule.DueSince is not null, schedule.CreditedPastDue, (int)validity.TotalSeconds));
        RecordAnomalies(change, span, report, decision, validity, bankCapSeconds);

        draft.Bank.Spend(decision.Accepted);
        var flags = (decision.FallsDue ? ReportFlags.CheckFellDue : ReportFlags.None) | (decision.Jump > 0 ? ReportFlags.Jumped : ReportFlags.None);
        // Under a pass a reviewer rejected, the video earns nothing until the next check passes.
        var credited = resource.Passes.LatestRejected ? 0 : decision.Credited;
        change.Report(span, report, ReturnCode.Success, credited, decision.Accepted, decision.PastDue, flags, bankCapSeconds);
        return span.LastReceipt!;
    }

    private static void RecordAnomalies(StudentClassChange change, StudySpan span, StudyReport report, CreditDecision decision, TimeSpan validity, int bankCapSeconds)
    {
        var bank = change.Draft.Bank;
        if (decision.Excess > 0)
        {
            change.Anomaly(span, new ProgressAheadOfClock(
                report.ProgressTime, decision.Accepted, bank.Balance, bankCapSeconds, ClockBank.ToleranceSeconds, (int)(change.Now - span.LastActiveAt).TotalSeconds));
        }

        if (decision.Jump > 0)
        {
            change.Anomaly(span, new PositionJump(span.LastPlayTime, report.PlayTime, report.ProgressTime, decision.Jump));
        }

        if (decision.PastDueOverflow > 0)
        {
            change.Anomaly(span, new ClaimPastDueCheck(report.ProgressTime, decision.PastDue, decision.PastDueOverflow, (int)validity.TotalSeconds));
        }
    }
}
