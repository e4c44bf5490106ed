namespace Supervision.Contracts.Classes;

/// <summary>A class as a business platform sends it through 2.4. <see cref="Policy"/> is null when the request carried none.</summary>
[GenerateSerializer, Immutable]
public sealed record ClassRegistration(
    [property: Id(0)] string ClassCode,
    [property: Id(1)] string TrainClassName,
    [property: Id(2)] string OrgCode,
    [property: Id(3)] string OrgName,
    [property: Id(4)] string? WorkName,
    [property: Id(5)] string StudyPlatformApiUrl,
    [property: Id(6)] IReadOnlyList<ClassCourse> Courses,
    [property: Id(7)] IReadOnlyList<RosterEntry> Students,
    [property: Id(8)] ClassPolicy? Policy);
