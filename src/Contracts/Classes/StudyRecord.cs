namespace Supervision.Contracts.Classes;

/// <summary>One row of 2.5: credited seconds of one student on one resource.</summary>
[GenerateSerializer, Immutable]
public sealed record StudyRecord(
    [property: Id(0)] string ClassCode,
    [property: Id(1)] string UserCode,
    [property: Id(2)] string CourseCode,
    [property: Id(3)] string SectionCode,
    [property: Id(4)] string ResCode,
    [property: Id(5)] long PlayTimeSeconds);
