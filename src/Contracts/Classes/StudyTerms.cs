using Supervision.Contracts.Classes;

namespace Supervision.Contracts.Classes;

/// <summary>What a student-class grain needs from its class to credit study of one resource; <see cref="BusinessPlatformCode"/> owns the class and the person record it sees.</summary>
[GenerateSerializer, Immutable]
public sealed record StudyTerms(
    [property: Id(0)] ClassPolicy Policy,
    [property: Id(1)] string CardNo,
    [property: Id(2)] string CourseCode,
    [property: Id(3)] string SectionCode,
    [property: Id(4)] string ResCode,
    [property: Id(5)] int DurationSeconds,
    [property: Id(6)] string BusinessPlatformCode);
