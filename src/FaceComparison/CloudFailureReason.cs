namespace Supervision.FaceComparison;

public enum CloudFailureReason
{
    TokenRejected,
    RateLimited,
    DailyLimitReached,
    ImageRefused,
    MalformedAnswer,
    ServiceError,
}
