namespace Supervision.Grains.Study;

/// <summary>
/// What one change adds to the charts' aggregates: reports and credited seconds (negative for credit a review
/// voided) of a class on a learning platform, and whether it was the learner's first report of its minute, so that
/// learners a minute add up across batches and silos.
/// </summary>
public readonly record struct StudyActivity(DateTimeOffset At, string ClassCode, string PlatformCode, int Reports, int Credited, bool NewLearnerMinute);
