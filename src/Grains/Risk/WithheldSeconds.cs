using Supervision.Contracts.Evidence;

namespace Supervision.Grains.Risk;

/// <summary>
/// The seconds an anomaly kept from a learner's credit, read from its details (the kind's record, camelCase): what a
/// report claimed beyond what the clock accepted, past a due check's validity, after the daily limit, on a closed
/// session or while a check was overdue, and what a reviewer voided. Other kinds withhold nothing by themselves (a
/// position jump earns only what the clock accepts, which progress_ahead_of_clock counts; a flag keeps its credit).
/// </summary>
internal static class WithheldSeconds
{
    public static readonly string Sql =
        $"""
        CASE a.kind
            WHEN '{AnomalyKind.ProgressAheadOfClock}' THEN greatest(coalesce((a.details->>'claimed')::int - (a.details->>'accepted')::int, 0), 0)
            WHEN '{AnomalyKind.ClaimPastDueCheck}' THEN coalesce((a.details->>'refusedPastDue')::int, 0)
            WHEN '{AnomalyKind.CheckOverdue}' THEN coalesce((a.details->>'claimed')::int, 0)
            WHEN '{AnomalyKind.AfterDailyLimit}' THEN coalesce((a.details->>'claimed')::int, 0)
            WHEN '{AnomalyKind.ClosedSessionReport}' THEN coalesce((a.details->>'claimed')::int, 0)
            WHEN '{AnomalyKind.FaceReviewRejected}' THEN coalesce((a.details->>'voidedSeconds')::int, 0)
            ELSE 0
        END
        """;
}
