namespace Supervision.Contracts.Charts;

/// <summary>One minute of the whole cluster's study: learners who reported in it, reports, credited seconds.</summary>
[GenerateSerializer, Immutable]
public sealed record MinuteActivity([property: Id(0)] DateTimeOffset Minute, [property: Id(1)] int Learners, [property: Id(2)] int Reports, [property: Id(3)] int Credited);
