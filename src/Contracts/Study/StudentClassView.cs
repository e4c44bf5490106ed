namespace Supervision.Contracts.Study;

/// <summary>One student in one class, as the operator sees it.</summary>
[GenerateSerializer, Immutable]
public sealed record StudentClassView(
    [property: Id(0)] string ClassCode,
    [property: Id(1)] string StudentUserCode,
    [property: Id(2)] SessionView? OpenSession,
    [property: Id(3)] IReadOnlyList<SessionView> RecentSessions,
    [property: Id(4)] IReadOnlyList<ResourceCredit> Credit,
    [property: Id(5)] int TotalCredited,
    [property: Id(6)] string Today,
    [property: Id(7)] int TodayCredited,
    [property: Id(8)] bool RealNameVerified);
