using Supervision.Contracts.Evidence;

namespace Supervision.Grains.Risk;

/// <summary>
/// The seconds an anomaly kept from a learner's credit, read from its details (the kind's record, camelCase): what a
/// report claimed beyond what the clock accepted, past a due check's validity, after the daily limit, on a closed
/// session or while a check was overdue, and what a reviewer voided. Other kinds withhold nothing by themselves (a
/// position jump earns only what the clock accepts, which progress_ahead_of_clock counts; a flag keeps its credit).
/// A value that is not a JSON number (a row of another shape) counts as nothing rather than failing the summary.
/// </summary>
internal static class WithheldSeconds
{
    public static readonly string Sql =
        $"""
        CASE a.kind
            WHEN '{AnomalyKind.ProgressAheadOfClock}' THEN greatest(coalesce({Number("claimed")} - {Number("accepted")}, 0), 0)
            WHEN '{AnomalyKind.ClaimPastDueCheck}' THEN coalesce({Number("refusedPastDue")}, 0)
            WHEN '{AnomalyKind.CheckOverdue}' THEN coalesce({Number("claimed")}, 0)
            WHEN '{AnomalyKind.AfterDailyLimit}' THEN coalesce({Number("claimed")}, 0)
            WHEN '{AnomalyKind.ClosedSessionReport}' THEN coalesce({Number("claimed")}, 0)
            WHEN '{AnomalyKind.FaceReviewRejected}' THEN coalesce({Number("voidedSeconds")}, 0)
            ELSE 0
        END
        """;

    private static string Number(string field) =>
        $"(CASE WHEN jsonb_typeof(a.details->'{field}') = 'number' THEN (a.details->>'{field}')::numeric END)";
}
