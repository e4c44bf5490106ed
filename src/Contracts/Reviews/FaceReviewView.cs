namespace Supervision.Contracts.Reviews;

/// <summary>A recorded review: the decision, who made it and when, and the credit it voided (0 for "same person").</summary>
[GenerateSerializer, Immutable]
public sealed record FaceReviewView(
    [property: Id(0)] long PhotoId,
    [property: Id(1)] FaceReviewDecision Decision,
    [property: Id(2)] string Operator,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] int VoidedSeconds);
