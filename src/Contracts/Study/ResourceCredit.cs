namespace Supervision.Contracts.Study;

/// <summary>Credited seconds of one student on one resource of a class.</summary>
[GenerateSerializer, Immutable]
public sealed record ResourceCredit(
    [property: Id(0)] string CourseCode,
    [property: Id(1)] string SectionCode,
    [property: Id(2)] string ResCode,
    [property: Id(3)] int Seconds);
