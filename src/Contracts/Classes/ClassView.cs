namespace Supervision.Contracts.Classes;

/// <summary>A class as the operator sees it.</summary>
[GenerateSerializer, Immutable]
public sealed record ClassView(
    [property: Id(0)] string ClassCode,
    [property: Id(1)] string TrainClassName,
    [property: Id(2)] string OrgCode,
    [property: Id(3)] string OrgName,
    [property: Id(4)] string? WorkName,
    [property: Id(5)] string LearningPlatformCode,
    [property: Id(6)] string BusinessPlatformCode,
    [property: Id(7)] ClassPolicy Policy,
    [property: Id(8)] ApprovalStatus Approval,
    [property: Id(9)] DateTimeOffset? ApprovedAt,
    [property: Id(10)] IReadOnlyList<ClassCourse> Courses,
    [property: Id(11)] IReadOnlyList<RosterEntry> Students)
{
    /// <summary>The learning platform's default password rule from the last 1.12 answer.</summary>
    [Id(12)] public string? PasswordRules { get; init; }

    /// <summary>The last version of the class queued for 1.12 (0: never); each approval or change of a pushed class adds one.</summary>
    [Id(13)] public int PushVersion { get; init; }

    /// <summary>The last version the learning platform accepted (0: none yet).</summary>
    [Id(14)] public int DeliveredVersion { get; init; }

    [Id(15)] public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>A weaker policy the business platform re-pushed, waiting for the operator; null when none waits.</summary>
    [Id(16)] public ClassPolicy? ProposedPolicy { get; init; }
}
