using Supervision.Contracts;
using Supervision.Contracts.Classes;
using Supervision.Contracts.Evidence.Details;
using Supervision.Grains.Checks;

namespace Supervision.Grains.Study;

/// <summary>
/// The gates a report must pass before anything it claims can count, in the order the rules apply: real name
/// (rule 5), a face at start (rule 6), an overdue anti-idle check (rule 7), today's limit (rule 4). Pure: it
/// only reads the state.
/// </summary>
public static class StudyGates
{
    public static StudyRefusal? Check(StudentClassState state, StudySpan span, ResourceStudy resource, int claimed, DateTimeOffset now)
    {
        var policy = state.Policy;
        if (policy.RealNameAuthentication && !state.RealNameVerified)
        {
            return new StudyRefusal(ReturnCode.RealNameRequired, "this class requires real-name authentication (1.2) before study counts");
        }

        if (span.AwaitingStartFace)
        {
            return new StudyRefusal(ReturnCode.StartFaceRequired, "this class requires a face check (1.5/1.6) after each startStudy before study counts");
        }

        var validity = AntiIdleSchedule.Validity(policy);
        var schedule = resource.Schedule;
        if (!resource.Complete && schedule.IsOverdue(now, validity) && schedule.DueSince is { } dueSince)
        {
            return new StudyRefusal(ReturnCode.CheckOverdue, $"an anti-idle check due since {dueSince:u} was not passed within {validity.TotalMinutes} min; pass one to continue",
                schedule.OverdueRecorded ? null : new CheckOverdue(dueSince, dueSince + validity, resource.Reached, claimed));
        }

        var limit = DailyLimitSeconds(policy);
        if (limit > 0 && state.TodayCredited >= limit)
        {
            return new StudyRefusal(ReturnCode.DailyLimitReached, $"studyHourLimit: today's limit of {policy.StudyHourLimit} h is reached",
                new AfterDailyLimit(state.TodayCredited, limit, claimed));
        }

        return null;
    }

    /// <summary>Today's limit in seconds; 0 means none.</summary>
    public static int DailyLimitSeconds(ClassPolicy policy) => policy.StudyHourLimit * 3600;
}

/// <summary>Why a report earns nothing, with the anomaly it counts as (null when it is none, or already recorded).</summary>
public sealed record StudyRefusal(string Code, string Message, AnomalyDetails? Anomaly = null);
