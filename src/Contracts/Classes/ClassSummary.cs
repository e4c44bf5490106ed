namespace Supervision.Contracts.Classes;

/// <summary>One line of the operator's class list: who teaches it, its approval and how far its 1.12 push got.</summary>
[GenerateSerializer, Immutable]
public sealed record ClassSummary(
    [property: Id(0)] string ClassCode,
    [property: Id(1)] string TrainClassName,
    [property: Id(2)] string OrgName,
    [property: Id(3)] string LearningPlatformCode,
    [property: Id(4)] string BusinessPlatformCode,
    [property: Id(5)] ApprovalStatus Approval,
    [property: Id(6)] int StudentCount,
    [property: Id(7)] int CourseCount,
    [property: Id(8)] int PushVersion,
    [property: Id(9)] int DeliveredVersion,
    [property: Id(10)] DateTimeOffset ReceivedAt);
